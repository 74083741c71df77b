namespace Almab.Reports.Statistics;

/// <summary>Result of <see cref="WilcoxonSignedRank.Test"/>.</summary>
/// <param name="Statistic">
/// As scipy: min(R+, R-) for the two-sided test, R+ (sum of the ranks of positive differences) for one-sided tests.
/// </param>
/// <param name="PValue">The p-value of the chosen alternative, in [0, 1].</param>
/// <param name="Method">The method actually used (never <see cref="TestMethod.Auto"/>).</param>
public sealed record WilcoxonResult(double Statistic, double PValue, TestMethod Method);
