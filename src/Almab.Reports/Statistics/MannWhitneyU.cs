namespace Almab.Reports.Statistics;

/// <summary>
/// Two-sample Mann-Whitney U (Wilcoxon rank-sum) test with the semantics of
/// <c>scipy.stats.mannwhitneyu</c> (scipy 1.10). The paper (ALMAB-DC, section 4, Tables 4-6) tests
/// each method against ALMAB-DC (UCB) on the final-evaluation vectors of the replicates.
/// </summary>
/// <remarks>
/// The statistic is U of x (pairs with x_i &gt; y_j, ties 1/2). The p-value uses U of x for
/// "greater", U of y for "less" and the larger of the two (p doubled, clipped to 1) for "two-sided".
/// <see cref="TestMethod.Auto"/> follows scipy: asymptotic if both sizes exceed 8 or there are ties,
/// otherwise exact. The normal approximation
/// uses the tie-corrected variance n1 n2 / 12 ((n + 1) - sum(t^3 - t) / (n (n - 1))) and subtracts 1/2
/// from U - n1 n2 / 2 when <c>useContinuity</c> is set. As in scipy, a forced exact test with ties
/// truncates the (half-integer) U to an integer before using the no-ties distribution.
/// </remarks>
public static class MannWhitneyU
{
    /// <summary>Runs the test.</summary>
    /// <param name="x">First sample (at least one finite value).</param>
    /// <param name="y">Second sample (at least one finite value).</param>
    /// <param name="alternative">Alternative hypothesis; "less" means x tends to be smaller than y.</param>
    /// <param name="method">Exact, asymptotic, or scipy's automatic choice.</param>
    /// <param name="useContinuity">Apply the continuity correction in the normal approximation.</param>
    /// <returns>U of x and the p-value.</returns>
    public static MannWhitneyResult Test(
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        Alternative alternative = Alternative.TwoSided,
        TestMethod method = TestMethod.Auto,
        bool useContinuity = true)
    {
        Ranking.RequireFinite(x, nameof(x));
        Ranking.RequireFinite(y, nameof(y));
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException(
                $"Mann-Whitney U needs non-empty samples (x has {x.Count} values, y has {y.Count}).");
        }

        if (!Enum.IsDefined(alternative))
        {
            throw new ArgumentOutOfRangeException(nameof(alternative), alternative, "Use TwoSided, Less or Greater.");
        }

        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Use Auto, Exact or Asymptotic.");
        }

        int n1 = x.Count, n2 = y.Count, n = n1 + n2;
        var all = new double[n];
        for (int i = 0; i < n1; i++)
        {
            all[i] = x[i];
        }

        for (int i = 0; i < n2; i++)
        {
            all[n1 + i] = y[i];
        }

        double[] ranks = Ranking.MidRanks(all, out double tieTerm);
        double r1 = 0;
        for (int i = 0; i < n1; i++)
        {
            r1 += ranks[i];
        }

        double u1 = r1 - n1 * (n1 + 1.0) / 2.0;
        double u2 = (double)n1 * n2 - u1;
        (double u, double factor) = alternative switch
        {
            Alternative.Greater => (u1, 1.0),
            Alternative.Less => (u2, 1.0),
            _ => (Math.Max(u1, u2), 2.0),
        };

        if (method == TestMethod.Auto)
        {
            method = (n1 > 8 && n2 > 8) || tieTerm > 0 ? TestMethod.Asymptotic : TestMethod.Exact;
        }

        double p;
        if (method == TestMethod.Exact)
        {
            p = MannWhitneyExactDistribution.Sf((long)Math.Truncate(u), n1, n2);
        }
        else
        {
            double mu = n1 * (double)n2 / 2.0;
            double s = Math.Sqrt(n1 * (double)n2 / 12.0 * ((n + 1.0) - tieTerm / (n * (n - 1.0))));
            double numerator = u - mu - (useContinuity ? 0.5 : 0.0);
            p = Ranking.NormalSf(numerator / s);
        }

        p = Math.Clamp(p * factor, 0.0, 1.0);
        return new MannWhitneyResult(u1, p, method);
    }
}
