using Almab.Algorithms.Randomness;

namespace Almab.Benchmarks.Surrogates;

/// <summary>Seeded test data for the GP benchmarks: a smooth function of the unit cube plus small noise.</summary>
internal static class GpBenchmarkData
{
    /// <summary>n points uniform in [0, 1]^d and their noisy targets.</summary>
    public static (double[][] X, double[] Y) Draw(int n, int d, Seed seed)
    {
        Rng rng = seed.CreateRng();
        var x = new double[n][];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = new double[d];
            for (int j = 0; j < d; j++)
            {
                x[i][j] = rng.NextDouble();
            }

            double sum = 0.0;
            for (int j = 3; j < d; j++)
            {
                sum += x[i][j] * x[i][j];
            }

            y[i] = Math.Sin(3.0 * x[i][0]) + Math.Cos(5.0 * x[i][1] * x[i][2]) + sum + 0.05 * rng.NextGaussian();
        }

        return (x, y);
    }
}
