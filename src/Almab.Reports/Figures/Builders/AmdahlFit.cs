namespace Almab.Reports.Figures.Builders;

/// <summary>
/// Amdahl's law S(K) = 1 / (p + (1 - p) / K) with serial fraction p (ALMAB-DC section 4.6, figure 6), fitted by
/// least squares on the speedups themselves (as scipy's curve_fit does) over p in [0, 1]: a grid scan of 1001
/// points then golden-section refinement in the best bracket.
/// </summary>
public static class AmdahlFit
{
    /// <summary>Amdahl speedup with <paramref name="k"/> workers and serial fraction <paramref name="p"/>.</summary>
    public static double Speedup(double p, double k) => 1.0 / (p + (1.0 - p) / k);

    /// <summary>The least-squares serial fraction p in [0, 1] for the (K, speedup) points with K ≤ maxK.</summary>
    public static double SerialFraction(double[] k, double[] speedup, double maxK = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(speedup);
        if (k.Length != speedup.Length)
        {
            throw new ArgumentException($"k has {k.Length} values but speedup has {speedup.Length}.", nameof(speedup));
        }

        int used = 0;
        for (int i = 0; i < k.Length; i++)
        {
            if (!(k[i] >= 1) || !double.IsFinite(speedup[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(k), $"Point {i}: K = {k[i]} must be ≥ 1 and speedup {speedup[i]} finite.");
            }

            used += k[i] <= maxK ? 1 : 0;
        }

        if (used == 0)
        {
            throw new ArgumentException($"No point has K ≤ {maxK}.", nameof(maxK));
        }

        double Sse(double p)
        {
            double s = 0;
            for (int i = 0; i < k.Length; i++)
            {
                if (k[i] <= maxK)
                {
                    double d = speedup[i] - Speedup(p, k[i]);
                    s += d * d;
                }
            }

            return s;
        }

        const int grid = 1000;
        int best = 0;
        double bestSse = double.PositiveInfinity;
        for (int g = 0; g <= grid; g++)
        {
            double e = Sse((double)g / grid);
            if (e < bestSse)
            {
                (best, bestSse) = (g, e);
            }
        }

        double a = Math.Max(0, (best - 1.0) / grid), b = Math.Min(1, (best + 1.0) / grid);
        double phi = (Math.Sqrt(5) - 1) / 2;
        double c = b - phi * (b - a), d2 = a + phi * (b - a);
        for (int it = 0; it < 100 && b - a > 1e-13; it++)
        {
            if (Sse(c) < Sse(d2))
            {
                b = d2;
            }
            else
            {
                a = c;
            }

            c = b - phi * (b - a);
            d2 = a + phi * (b - a);
        }

        return (a + b) / 2;
    }
}
