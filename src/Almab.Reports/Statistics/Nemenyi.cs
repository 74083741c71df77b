namespace Almab.Reports.Statistics;

/// <summary>
/// Nemenyi's post-hoc test for all pairs after a Friedman test (Demšar 2006, "Statistical comparisons
/// of classifiers over multiple data sets", JMLR 7, section 3.2.2): two treatments differ when their
/// mean ranks differ by more than CD = q_alpha sqrt(k (k + 1) / (6 N)), with q_alpha the studentized
/// range quantile (infinite degrees of freedom) divided by sqrt 2. q_alpha is computed, not tabulated;
/// the tests compare it with Demšar's Table 5(a).
/// </summary>
public static class Nemenyi
{
    /// <summary>q_alpha for k treatments: the (1 - alpha) quantile of the studentized range over sqrt 2.</summary>
    /// <param name="k">Number of treatments, at least 2.</param>
    /// <param name="alpha">Family-wise significance level in (0, 1), e.g. 0.05.</param>
    public static double CriticalValue(int k, double alpha = 0.05)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1).");
        }

        return StudentizedRange.Quantile(1 - alpha, k) / Math.Sqrt(2.0);
    }

    /// <summary>Critical difference of mean ranks for k treatments on n blocks.</summary>
    /// <param name="k">Number of treatments, at least 2.</param>
    /// <param name="n">Number of blocks, at least 1.</param>
    /// <param name="alpha">Family-wise significance level.</param>
    public static double CriticalDifference(int k, int n, double alpha = 0.05)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The number of blocks must be at least 1.");
        }

        return CriticalValue(k, alpha) * Math.Sqrt(k * (k + 1.0) / (6.0 * n));
    }

    /// <summary>All pairwise comparisons from a Friedman result.</summary>
    /// <param name="friedman">The Friedman test on the same table (supplies k, N and the mean ranks).</param>
    /// <param name="alpha">Family-wise significance level for <see cref="NemenyiResult.CriticalDifference"/>.</param>
    public static NemenyiResult Test(FriedmanResult friedman, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(friedman);
        int k = friedman.Treatments, n = friedman.Blocks;
        double q = CriticalValue(k, alpha);
        double scale = Math.Sqrt(k * (k + 1.0) / (6.0 * n));
        var p = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            p[i, i] = 1.0;
            for (int j = i + 1; j < k; j++)
            {
                double z = Math.Abs(friedman.MeanRanks[i] - friedman.MeanRanks[j]) / scale;
                p[i, j] = p[j, i] = StudentizedRange.Sf(z * Math.Sqrt(2.0), k);
            }
        }

        return new NemenyiResult(alpha, q, q * scale, friedman.MeanRanks, p);
    }
}
