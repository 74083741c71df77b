using System.Globalization;
using System.Text.Json;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Randomness;

public sealed class RngTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Randomness", "rng_reference.json"))).RootElement;

    [Fact]
    public void SplitMix64_matches_reference_outputs()
    {
        foreach (var entry in Reference.GetProperty("splitmix64").EnumerateObject())
        {
            ulong state = ulong.Parse(entry.Name, CultureInfo.InvariantCulture);
            foreach (var expected in entry.Value.EnumerateArray())
            {
                Assert.Equal(ulong.Parse(expected.GetString()!, CultureInfo.InvariantCulture), SplitMix64.Next(ref state));
            }
        }
    }

    [Fact]
    public void Xoshiro256StarStar_matches_reference_outputs()
    {
        foreach (var entry in Reference.GetProperty("xoshiro256starstar").EnumerateObject())
        {
            var rng = new Rng(ulong.Parse(entry.Name, CultureInfo.InvariantCulture));
            foreach (var expected in entry.Value.EnumerateArray())
            {
                Assert.Equal(ulong.Parse(expected.GetString()!, CultureInfo.InvariantCulture), rng.NextUInt64());
            }
        }
    }

    [Fact]
    public void NextDouble_is_uniform_on_unit_interval()
    {
        var rng = new Rng(7);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            Assert.InRange(u, 0.0, 0.9999999999999999);
            sum += u;
            sumSq += u * u;
        }

        // Mean 1/2 and variance 1/12; 5 standard errors.
        Assert.InRange(sum / n, 0.5 - 5 * Math.Sqrt(1.0 / 12 / n), 0.5 + 5 * Math.Sqrt(1.0 / 12 / n));
        double variance = sumSq / n - (sum / n) * (sum / n);
        Assert.InRange(variance, 1.0 / 12 - 0.002, 1.0 / 12 + 0.002);
    }

    [Fact]
    public void Next_bounded_passes_chi_square_for_non_power_of_two_range()
    {
        var rng = new Rng(11);
        const int k = 7, n = 70_000;
        var counts = new int[k];
        for (int i = 0; i < n; i++)
        {
            counts[rng.Next(k)]++;
        }

        double expected = (double)n / k;
        double chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);

        // 99.9 % quantile of chi-square with 6 degrees of freedom is 22.46.
        Assert.True(chi2 < 22.46, $"chi-square {chi2}");
    }

    [Fact]
    public void Gaussian_and_exponential_draws_have_the_stated_moments()
    {
        var rng = new Rng(3);
        const int n = 200_000;
        double gSum = 0, gSq = 0, eSum = 0;
        for (int i = 0; i < n; i++)
        {
            double g = rng.NextGaussian(2.0, 3.0);
            gSum += g;
            gSq += g * g;
            eSum += rng.NextExponential(4.0);
        }

        double gMean = gSum / n;
        Assert.InRange(gMean, 2.0 - 5 * 3.0 / Math.Sqrt(n), 2.0 + 5 * 3.0 / Math.Sqrt(n));
        Assert.InRange(gSq / n - gMean * gMean, 9.0 * 0.98, 9.0 * 1.02);
        Assert.InRange(eSum / n, 4.0 - 5 * 4.0 / Math.Sqrt(n), 4.0 + 5 * 4.0 / Math.Sqrt(n));
    }

    [Fact]
    public void Same_seed_gives_the_same_stream_and_different_seeds_differ()
    {
        var a = new Rng(99);
        var b = new Rng(99);
        var c = new Rng(100);
        bool anyDifferent = false;
        for (int i = 0; i < 100; i++)
        {
            double x = a.NextDouble();
            Assert.Equal(x, b.NextDouble());
            anyDifferent |= x != c.NextDouble();
        }

        Assert.True(anyDifferent);
    }

    [Fact]
    public void Range_overloads_respect_bounds()
    {
        var rng = new Rng(5);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.InRange(rng.Next(-3, 4), -3, 3);
            Assert.InRange(rng.NextInt64(10, 12), 10, 11);
            Assert.InRange(rng.Next(), 0, int.MaxValue - 1);
        }

        Assert.Equal(5, rng.Next(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Next(-1));
    }
}
