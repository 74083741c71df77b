namespace Almab.Reports.Statistics;

/// <summary>Mid-ranks and tie counts shared by the rank tests.</summary>
internal static class Ranking
{
    /// <summary>
    /// Ranks 1..n with ties given their average rank (scipy's <c>rankdata(method="average")</c>).
    /// <paramref name="tieTerm"/> is the sum over tie groups of t^3 - t.
    /// </summary>
    public static double[] MidRanks(ReadOnlySpan<double> values, out double tieTerm)
    {
        int n = values.Length;
        var order = new int[n];
        var sorted = values.ToArray();
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);
        var ranks = new double[n];
        tieTerm = 0;
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && sorted[j] == sorted[i])
            {
                j++;
            }

            double mid = 0.5 * (i + 1 + j);
            for (int k = i; k < j; k++)
            {
                ranks[order[k]] = mid;
            }

            double t = j - i;
            tieTerm += t * t * t - t;
            i = j;
        }

        return ranks;
    }

    /// <summary>Throws when a sample value is NaN or infinite, naming the sample and index.</summary>
    public static void RequireFinite(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] = {values[i]} is not a finite number.", name);
            }
        }
    }

    /// <summary>Upper-tail probability of the standard normal, 1 - Phi(z), accurate in the tail.</summary>
    public static double NormalSf(double z) =>
        double.IsNaN(z) ? double.NaN : 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(z / Math.Sqrt(2.0));
}
