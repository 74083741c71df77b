using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster.Workers;

namespace Almab.Sim.Tests.Cluster.Workers;

public sealed class HeterogeneityProfileTests
{
    private static readonly Seed S = new(42);

    [Fact]
    public void Ata_profiles_match_sections_7_and_7_1()
    {
        // Worker w (0-based) is the paper's worker i = w + 1.
        Assert.Equal(new[] { 1.0, Math.Sqrt(2), Math.Sqrt(3), 2.0 }, new SquareRootProfile().TimeFactors(4, S));
        Assert.Equal(new[] { 1.0, 2.0, 3.0, 4.0, 5.0 }, new LinearProfile().TimeFactors(5, S));
        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, HomogeneousProfile.Instance.TimeFactors(3, S));
    }

    [Theory]
    [InlineData(0.25, 8, 2)]
    [InlineData(0.5, 5, 3)]
    [InlineData(0.01, 4, 1)]
    [InlineData(0.0, 4, 0)]
    [InlineData(1.0, 4, 4)]
    public void Two_tier_puts_the_fast_workers_first(double fraction, int k, int fast)
    {
        var f = new TwoTierProfile(fraction, 3.0).TimeFactors(k, S);
        for (int i = 0; i < k; i++)
        {
            Assert.Equal(i < fast ? 1.0 : 3.0, f[i]);
        }
    }

    [Fact]
    public void Random_lognormal_speeds_have_unit_mean_and_the_requested_log_sd()
    {
        const int k = 50_000;
        const double sigma = 0.5;
        var f = new LogNormalSpeedProfile(sigma).TimeFactors(k, S);
        double sd = Math.Sqrt(double.ExpM1(sigma * sigma));
        Assert.InRange(f.Average(), 1 - 5 * sd / Math.Sqrt(k), 1 + 5 * sd / Math.Sqrt(k));
        double[] logs = f.Select(x => Math.Log(x)).ToArray();
        double m = logs.Average();
        double s = Math.Sqrt(logs.Select(x => (x - m) * (x - m)).Sum() / (k - 1));
        Assert.InRange(s, sigma * (1 - 5 / Math.Sqrt(2.0 * k)), sigma * (1 + 5 / Math.Sqrt(2.0 * k)));
        Assert.Equal(f, new LogNormalSpeedProfile(sigma).TimeFactors(k, S));
        Assert.NotEqual(f, new LogNormalSpeedProfile(sigma).TimeFactors(k, new Seed(43)));
    }

    [Fact]
    public void Invalid_profiles_are_rejected_by_name()
    {
        Assert.Equal("workers", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearProfile().TimeFactors(0, S)).ParamName);
        Assert.Equal("fastFraction", Assert.Throws<ArgumentOutOfRangeException>(() => new TwoTierProfile(double.NaN, 2)).ParamName);
        Assert.Equal("slowFactor", Assert.Throws<ArgumentOutOfRangeException>(() => new TwoTierProfile(0.5, 0.5)).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => new LogNormalSpeedProfile(-1)).ParamName);
    }
}
