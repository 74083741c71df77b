namespace Almab.Algorithms.Optimizers.AlmabDc;

/// <summary>Counts of the bandit layer's shortlist decisions (<see cref="AlmabDcOptimizer.Diagnostics"/>).</summary>
/// <param name="Choices">Shortlist decisions made by the bandit (Algorithm 1, lines 4-6).</param>
/// <param name="OneRegion">Decisions whose shortlisted candidates all lay in one region (arm): the bandit had no choice.</param>
/// <param name="Overrides">Decisions where the bandit picked another candidate than the acquisition's top one.</param>
public readonly record struct ShortlistDiagnostics(long Choices, long OneRegion, long Overrides);
