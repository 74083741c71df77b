namespace Almab.Reports.Statistics;

/// <summary>
/// Exact null distribution of the Mann-Whitney U statistic for sample sizes m and n without ties.
/// The counts of arrangements with U = k are the coefficients of the Gaussian binomial [m+n choose m]_q,
/// built with the q-Pascal rule [N, j] = [N-1, j-1] + q^j [N-1, j]; only additions of non-negative
/// numbers occur, so double precision stays accurate (relatively) even past 2^53.
/// </summary>
internal static class MannWhitneyExactDistribution
{
    /// <summary>P(U &gt;= k) under H0 (k clamped to [0, m n]).</summary>
    public static double Sf(long k, int m, int n)
    {
        if (k <= 0)
        {
            return 1.0;
        }

        if (k > (long)m * n)
        {
            return 0.0;
        }

        double[] counts = Counts(m, n);
        // Symmetry U ~ mn - U: P(U >= k) = P(U <= mn - k); sum the shorter tail from its end.
        long mn = (long)m * n;
        long upper = mn - k;
        double tail = 0, total = 0;
        for (long i = 0; i <= mn; i++)
        {
            total += counts[i];
        }

        for (long i = 0; i <= upper; i++)
        {
            tail += counts[i];
        }

        return tail / total;
    }

    /// <summary>Counts c[k], k = 0..m n, of arrangements with U = k.</summary>
    private static double[] Counts(int m, int n)
    {
        int small = Math.Min(m, n), large = Math.Max(m, n);
        // poly[j] holds [N choose j]_q as N grows from 0 to m + n; degree j (N - j).
        var poly = new double[small + 1][];
        poly[0] = [1.0];
        for (int j = 1; j <= small; j++)
        {
            poly[j] = [];
        }

        for (int total = 1; total <= small + large; total++)
        {
            for (int j = Math.Min(total, small); j >= 1; j--)
            {
                if (total - j > large)
                {
                    continue;
                }

                double[] prev = poly[j - 1], same = poly[j];
                var next = new double[j * (total - j) + 1];
                for (int k = 0; k < prev.Length && k < next.Length; k++)
                {
                    next[k] += prev[k];
                }

                for (int k = 0; k < same.Length; k++)
                {
                    next[k + j] += same[k];
                }

                poly[j] = next;
            }
        }

        return poly[small];
    }
}
