namespace Almab.Reports.Statistics;

/// <summary>
/// Exact null distribution of the signed-rank sum R+ for n untied, non-zero differences: the number of
/// subsets of {1..n} with sum k, divided by 2^n (additions only, so accurate for any n).
/// </summary>
internal static class SignedRankDistribution
{
    /// <summary>P(R+ = k) for k = 0..n(n+1)/2.</summary>
    public static double[] Pmf(int n)
    {
        int max = n * (n + 1) / 2;
        var c = new double[max + 1];
        c[0] = 1.0;
        for (int i = 1; i <= n; i++)
        {
            int top = i * (i + 1) / 2;
            for (int k = top; k >= i; k--)
            {
                c[k] += c[k - i];
            }
        }

        double scale = Math.Pow(2.0, -n);
        for (int k = 0; k <= max; k++)
        {
            c[k] *= scale;
        }

        return c;
    }
}
