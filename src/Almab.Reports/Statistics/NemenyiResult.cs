namespace Almab.Reports.Statistics;

/// <summary>Result of the Nemenyi post-hoc test after a Friedman test.</summary>
/// <param name="Alpha">Family-wise significance level of the critical difference.</param>
/// <param name="CriticalValue">q_alpha: the studentized range quantile for k groups divided by sqrt 2.</param>
/// <param name="CriticalDifference">CD = q_alpha sqrt(k (k + 1) / (6 N)), in mean-rank units.</param>
/// <param name="MeanRanks">Average rank of each treatment (rank 1 = smallest value).</param>
/// <param name="PValues">
/// Pairwise p-values, [i, j] = P(range of k normals &gt;= sqrt 2 |R_i - R_j| / sqrt(k (k + 1) / (6 N)));
/// 1 on the diagonal. These are family-wise (already adjusted) p-values.
/// </param>
public sealed record NemenyiResult(
    double Alpha, double CriticalValue, double CriticalDifference, IReadOnlyList<double> MeanRanks, double[,] PValues)
{
    /// <summary>True when treatments i and j differ: |R_i - R_j| &gt; CD.</summary>
    public bool Differ(int i, int j) => Math.Abs(MeanRanks[i] - MeanRanks[j]) > CriticalDifference;
}
