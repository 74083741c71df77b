using System.Text.Json;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster.Durations;

namespace Almab.Sim.Tests.Cluster.Durations;

public sealed class DurationClosedFormTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cluster", "durations.json"))).RootElement;

    public static TheoryData<string> Names => new()
    {
        "exponential_2.5", "shifted_29_29", "gamma_0.4_3", "gamma_2.5_1.2", "lognormal_0.3_0.8", "pareto_2_3", "pareto_1_1.5",
    };

    private static DurationDistribution Of(string name) => name switch
    {
        "exponential_2.5" => new ExponentialDuration(2.5),
        "shifted_29_29" => new ShiftedExponentialDuration(29, 29),
        "gamma_0.4_3" => new GammaDuration(0.4, 3),
        "gamma_2.5_1.2" => new GammaDuration(2.5, 1.2),
        "lognormal_0.3_0.8" => new LogNormalDuration(0.3, 0.8),
        "pareto_2_3" => new ParetoDuration(2, 3),
        "pareto_1_1.5" => new ParetoDuration(1, 1.5),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Mean_variance_and_cdf_match_scipy(string name)
    {
        var d = Of(name);
        var r = Reference.GetProperty(name);
        Assert.Equal(r.GetProperty("mean").GetDouble(), d.Mean, 1e-12 * Math.Max(1, d.Mean));
        var v = r.GetProperty("variance");
        if (v.ValueKind == JsonValueKind.String)
        {
            Assert.Equal(double.PositiveInfinity, d.Variance);
        }
        else
        {
            Assert.Equal(v.GetDouble(), d.Variance, 1e-10 * Math.Max(1, d.Variance));
        }

        var xs = r.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var cdf = r.GetProperty("cdf").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            Assert.Equal(cdf[i], d.Cdf(xs[i]), 1e-10);
        }
    }

    [Fact]
    public void Heavy_tailed_pareto_matches_its_tail_probability()
    {
        // alpha = 1.5: infinite variance, so no CLT check; P(X > 10) = 10^-1.5 instead (binomial, 5 SE).
        var d = new ParetoDuration(1.0, 1.5);
        var rng = new Seed(3).CreateRng();
        const int n = 200_000;
        int above = 0;
        for (int i = 0; i < n; i++)
        {
            above += d.Sample(rng) > 10.0 ? 1 : 0;
        }

        double p = Math.Pow(10, -1.5);
        Assert.InRange((double)above / n, p - 5 * Math.Sqrt(p * (1 - p) / n), p + 5 * Math.Sqrt(p * (1 - p) / n));
    }

    [Fact]
    public void FromMean_factories_hit_the_requested_mean()
    {
        Assert.Equal(4.0, LogNormalDuration.FromMean(4.0, 0.7).Mean, 12);
        Assert.Equal(4.0, ParetoDuration.FromMean(4.0, 2.5).Mean, 12);
        var g = GammaDuration.FromMean(4.0, 0.5);
        Assert.Equal(4.0, g.Mean, 12);
        Assert.Equal(0.5, Math.Sqrt(g.Variance) / g.Mean, 12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_parameters_are_rejected_by_name(double bad)
    {
        Assert.Equal("meanSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDuration(bad)).ParamName);
        Assert.Equal("seconds", Assert.Throws<ArgumentOutOfRangeException>(() => new DeterministicDuration(bad)).ParamName);
        Assert.Equal("shiftSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => new ShiftedExponentialDuration(bad, 1)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentOutOfRangeException>(() => new GammaDuration(bad, 1)).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => new LogNormalDuration(0, bad)).ParamName);
        Assert.Equal("scaleSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => new ParetoDuration(bad, 2)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentOutOfRangeException>(() => new ParetoDuration(1, 1.0)).ParamName);
    }
}
