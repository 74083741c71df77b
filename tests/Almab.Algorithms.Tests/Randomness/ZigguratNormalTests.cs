using Almab.Algorithms.Randomness;
using MathNet.Numerics.Distributions;

namespace Almab.Algorithms.Tests.Randomness;

/// <summary>The ziggurat normal sampler against the N(0, 1) distribution function, its tails and its moments.</summary>
public sealed class ZigguratNormalTests
{
    private const int N = 400_000;

    private static double[] Draws(ulong seed)
    {
        var rng = new Rng(seed);
        var x = new double[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = ZigguratNormal.Next(rng);
        }

        return x;
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(20261207UL)]
    public void Kolmogorov_Smirnov_distance_to_the_normal_cdf_is_below_the_one_percent_critical_value(ulong seed)
    {
        var x = Draws(seed);
        Array.Sort(x);
        double d = 0;
        for (int i = 0; i < N; i++)
        {
            double f = Normal.CDF(0, 1, x[i]);
            d = Math.Max(d, Math.Max(f - (double)i / N, (i + 1.0) / N - f));
        }

        Assert.True(d < 1.628 / Math.Sqrt(N), $"D = {d}"); // asymptotic 1 % critical value of sqrt(n) D
    }

    [Fact]
    public void Tail_beyond_r_and_wedges_have_the_normal_mass_and_moments()
    {
        var x = Draws(7);
        // Beyond 3.44 (the tail branch) and in (1, 2) (wedge layers): counts within 4 binomial standard deviations.
        foreach (var (lo, hi) in new[] { (3.442619855899, double.PositiveInfinity), (1.0, 2.0), (2.5, 3.0) })
        {
            double p = 2 * (Normal.CDF(0, 1, hi) - Normal.CDF(0, 1, lo));
            int count = x.Count(v => Math.Abs(v) >= lo && Math.Abs(v) < hi);
            Assert.True(Math.Abs(count - N * p) < 4 * Math.Sqrt(N * p * (1 - p)), $"[{lo}, {hi}): {count} vs {N * p}");
        }

        double mean = x.Average(), variance = x.Select(v => (v - mean) * (v - mean)).Sum() / (N - 1);
        double kurtosis = x.Select(v => Math.Pow(v - mean, 4)).Average() / (variance * variance);
        Assert.True(Math.Abs(mean) < 4 / Math.Sqrt(N), $"mean {mean}");
        Assert.True(Math.Abs(variance - 1) < 4 * Math.Sqrt(2.0 / N), $"variance {variance}");
        Assert.True(Math.Abs(kurtosis - 3) < 4 * Math.Sqrt(24.0 / N), $"kurtosis {kurtosis}");
        Assert.Equal(x.Count(v => v > 0), N - x.Count(v => v <= 0));
        Assert.True(Math.Abs(x.Count(v => v > 0) - N / 2.0) < 4 * Math.Sqrt(N / 4.0), "sign balance");
    }

    [Fact]
    public void Same_seed_gives_the_same_stream()
    {
        Assert.Equal(Draws(3).Take(100), Draws(3).Take(100));
    }
}
