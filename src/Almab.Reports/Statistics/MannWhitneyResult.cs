namespace Almab.Reports.Statistics;

/// <summary>Result of <see cref="MannWhitneyU.Test"/>.</summary>
/// <param name="U">The U statistic of the first sample x: the number of pairs (x_i, y_j) with x_i &gt; y_j, ties counted 1/2.</param>
/// <param name="PValue">The p-value of the chosen alternative, in [0, 1].</param>
/// <param name="Method">The method actually used (never <see cref="TestMethod.Auto"/>).</param>
public sealed record MannWhitneyResult(double U, double PValue, TestMethod Method);
