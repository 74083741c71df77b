namespace Almab.Reports.Statistics;

/// <summary>
/// Rank-based effect sizes for two independent samples, computed from mid-ranks in O(n log n).
/// </summary>
/// <remarks>
/// Vargha and Delaney (2000), J. Educ. Behav. Stat. 25(2): A12 = P(X &gt; Y) + P(X = Y) / 2, which equals
/// U_x / (n_x n_y); 0.5 means no effect. Cliff (1993): delta = P(X &gt; Y) - P(X &lt; Y) = 2 A12 - 1, in [-1, 1].
/// Both are stated for "x larger": when lower is better, A12 of (x, y) is the probability that y beats x.
/// </remarks>
public static class EffectSize
{
    /// <summary>Vargha-Delaney A12: probability that a value of x exceeds one of y (ties count 1/2).</summary>
    public static double VarghaDelaneyA12(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Ranking.RequireFinite(x, nameof(x));
        Ranking.RequireFinite(y, nameof(y));
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException($"Effect sizes need non-empty samples (x has {x.Count} values, y has {y.Count}).");
        }

        int n1 = x.Count, n2 = y.Count;
        var all = new double[n1 + n2];
        for (int i = 0; i < n1; i++)
        {
            all[i] = x[i];
        }

        for (int i = 0; i < n2; i++)
        {
            all[n1 + i] = y[i];
        }

        double[] ranks = Ranking.MidRanks(all, out _);
        double r1 = 0;
        for (int i = 0; i < n1; i++)
        {
            r1 += ranks[i];
        }

        return (r1 - n1 * (n1 + 1.0) / 2.0) / ((double)n1 * n2);
    }

    /// <summary>Cliff's delta: P(X &gt; Y) - P(X &lt; Y), in [-1, 1].</summary>
    public static double CliffsDelta(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        2.0 * VarghaDelaneyA12(x, y) - 1.0;
}
