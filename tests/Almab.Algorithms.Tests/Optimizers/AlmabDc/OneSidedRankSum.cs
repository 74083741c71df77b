namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>
/// One-sided Mann-Whitney U test, normal approximation with tie and continuity corrections: p-value of
/// H1 "values in <c>a</c> tend to be smaller than in <c>b</c>". Private stand-in until Almab.Reports' test lands.
/// </summary>
internal static class OneSidedRankSum
{
    public static double PValueLess(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n1 = a.Count, n2 = b.Count, n = n1 + n2;
        double u = 0;
        foreach (double x in a)
        {
            foreach (double y in b)
            {
                u += x < y ? 1.0 : x == y ? 0.5 : 0.0;
            }
        }

        var all = a.Concat(b).OrderBy(v => v).ToArray();
        double ties = 0;
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j < n && all[j] == all[i])
            {
                j++;
            }

            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }

        double mean = n1 * n2 / 2.0;
        double variance = n1 * n2 / 12.0 * ((n + 1) - ties / (n * (n - 1.0)));
        double z = (u - mean - 0.5) / Math.Sqrt(variance);
        return 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(z / Math.Sqrt(2.0));
    }
}
