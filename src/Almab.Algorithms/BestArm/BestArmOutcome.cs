namespace Almab.Algorithms.BestArm;

/// <summary>The result of one BAIwRC episode (one trial of one agent on one instance).</summary>
/// <param name="Answer">The recommended arm as an index of the instance (after undoing the shuffle), or -1 for none.</param>
/// <param name="Pulls">Number of pulls made.</param>
/// <param name="Success">True when <paramref name="Answer"/> is the instance's unique best arm.</param>
/// <param name="PermutationSeed">Seed of the trial's arm shuffle (recorded so the shuffle can be replayed).</param>
public readonly record struct BestArmOutcome(int Answer, long Pulls, bool Success, ulong PermutationSeed);
