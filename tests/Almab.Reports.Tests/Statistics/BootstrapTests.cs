using Almab.Reports.Statistics;
using MathNet.Numerics.Distributions;

namespace Almab.Reports.Tests.Statistics;

public class BootstrapTests
{
    public static IEnumerable<object[]> Cases() => StatsFixture.Indices("bootstrap.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bca_and_percentile_from_fixed_replicates_match_scipy(int index)
    {
        var c = StatsFixture.Cases("bootstrap.json")[index];
        double[] data = StatsFixture.Doubles(c.GetProperty("data"));
        double[] theta = StatsFixture.Doubles(c.GetProperty("replicates"));
        double level = c.GetProperty("level").GetDouble();
        Func<double[], double> stat = c.GetProperty("statistic").GetString() == "mean"
            ? Descriptive.Mean
            : Descriptive.MedianInPlace;

        var bca = Bootstrap.BcaInterval(data, stat, theta, level);
        var pct = Bootstrap.PercentileInterval(theta, level);

        StatsFixture.Close(c.GetProperty("z0").GetDouble(), bca.Z0, 1e-10, $"case {index} z0");
        // a is dimensionless and can be 0 up to rounding (symmetric jackknife values): absolute tolerance.
        Assert.Equal(c.GetProperty("a").GetDouble(), bca.Acceleration, 1e-12);
        StatsFixture.Close(c.GetProperty("alpha1").GetDouble(), bca.Alpha1, 1e-10, $"case {index} alpha1");
        StatsFixture.Close(c.GetProperty("alpha2").GetDouble(), bca.Alpha2, 1e-10, $"case {index} alpha2");
        StatsFixture.Close(c.GetProperty("bca_lower").GetDouble(), bca.Interval.Lower, 1e-10, $"case {index} BCa lower");
        StatsFixture.Close(c.GetProperty("bca_upper").GetDouble(), bca.Interval.Upper, 1e-10, $"case {index} BCa upper");
        StatsFixture.Close(c.GetProperty("percentile_lower").GetDouble(), pct.Lower, 1e-12, $"case {index} pct lower");
        StatsFixture.Close(c.GetProperty("percentile_upper").GetDouble(), pct.Upper, 1e-12, $"case {index} pct upper");
    }

    [Fact]
    public void Bca_interval_of_the_mean_is_close_to_the_t_interval_for_normal_data()
    {
        double[] x = NormalSample(200, new ReportsRandom(7));
        double mean = Descriptive.Mean(x), se = Descriptive.StandardDeviation(x) / Math.Sqrt(x.Length);
        double half = StudentT.InvCDF(0, 1, x.Length - 1, 0.975) * se;

        var ci = Bootstrap.Mean(x, seed: 11, level: 0.95, method: BootstrapMethod.BCa, replicates: 4000);

        // Monte Carlo error of a 2.5% bootstrap quantile with B = 4000 is about 0.04 se (2% of the half-width).
        Assert.Equal(mean, ci.Estimate, 12);
        Assert.InRange(ci.Lower, mean - half - 0.1 * half, mean - half + 0.1 * half);
        Assert.InRange(ci.Upper, mean + half - 0.1 * half, mean + half + 0.1 * half);
        Assert.InRange(ci.StandardError, 0.9 * se, 1.1 * se);
    }

    [Fact]
    public void Bca_and_percentile_intervals_cover_the_true_mean_at_about_the_nominal_rate()
    {
        // 300 normal samples of size 40, 95% intervals: coverage 0.95 +- 3 binomial sds (0.0126) minus the
        // bootstrap's known small-sample undercoverage (sqrt((n-1)/n) and z instead of t: about 0.945).
        var gen = new ReportsRandom(2024);
        int coveredBca = 0, coveredPct = 0, trials = 300;
        ulong seeds = 1000;
        for (int k = 0; k < trials; k++)
        {
            double[] x = NormalSample(40, gen);
            ulong seed = ReportsRandom.SplitMix64(ref seeds);
            var bca = Bootstrap.Mean(x, seed, replicates: 999);
            var pct = Bootstrap.Mean(x, seed, method: BootstrapMethod.Percentile, replicates: 999);
            coveredBca += bca.Lower <= 0 && 0 <= bca.Upper ? 1 : 0;
            coveredPct += pct.Lower <= 0 && 0 <= pct.Upper ? 1 : 0;
        }

        Assert.InRange(coveredBca / (double)trials, 0.90, 0.985);
        Assert.InRange(coveredPct / (double)trials, 0.90, 0.985);
    }

    [Fact]
    public void Same_seed_gives_the_same_interval_and_another_seed_differs()
    {
        double[] x = NormalSample(30, new ReportsRandom(3));
        var a = Bootstrap.Median(x, seed: 5, replicates: 500);
        var b = Bootstrap.Median(x, seed: 5, replicates: 500);
        var c = Bootstrap.Median(x, seed: 6, replicates: 500);
        Assert.Equal(a, b);
        Assert.NotEqual((a.Lower, a.Upper), (c.Lower, c.Upper));
        Assert.True(a.Lower <= a.Estimate && a.Estimate <= a.Upper);
    }

    [Fact]
    public void Constant_sample_gives_a_degenerate_interval_and_bad_input_is_named()
    {
        var ci = Bootstrap.Mean([2.0, 2.0, 2.0, 2.0], seed: 1, replicates: 200);
        Assert.Equal((2.0, 2.0, 2.0), (ci.Estimate, ci.Lower, ci.Upper));
        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => Bootstrap.Mean([1.0], 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Mean([1.0, 2.0], 1, level: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Mean([1.0, 2.0], 1, replicates: 10));
    }

    private static double[] NormalSample(int n, ReportsRandom gen)
    {
        // Box-Muller on the private generator (53-bit uniforms in (0, 1)).
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u1 = ((gen.NextUInt64() >> 11) + 0.5) / 9007199254740992.0;
            double u2 = ((gen.NextUInt64() >> 11) + 0.5) / 9007199254740992.0;
            x[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return x;
    }
}
