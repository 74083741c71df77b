namespace Almab.Experiments.Papers.Bai;

/// <summary>One stored trial: one row of the <c>trials</c> table.</summary>
/// <param name="Trial">Trial index from 0.</param>
/// <param name="Seed">The trial's seed (shared by all agents of the environment).</param>
/// <param name="PermutationSeed">Seed of the trial's arm shuffle.</param>
/// <param name="Answer">Recommended arm of the instance (0 = the paper's arm 1, the best), or -1 for none.</param>
/// <param name="Pulls">Pulls made.</param>
/// <param name="Consumption1">Total consumption of resource 1.</param>
/// <param name="Consumption2">Total consumption of resource 2 (NaN when L = 1).</param>
/// <param name="Success">Answer is the best arm.</param>
public readonly record struct BaiTrialRow(int Trial, ulong Seed, ulong PermutationSeed, int Answer, long Pulls,
    double Consumption1, double Consumption2, bool Success);
