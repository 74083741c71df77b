using System.Text.Json;
using Almab.Reports.Statistics;

namespace Almab.Reports.Tests.Statistics;

/// <summary>Against scipy 1.10 (Fixtures/stats/proportions.json, made by make_proportion_fixtures.py).</summary>
public sealed class ProportionsTests
{
    private static JsonElement Cases(string kind) => StatsFixture.Cases("proportions.json").GetProperty(kind);

    [Fact]
    public void Wilson_interval_matches_scipy()
    {
        foreach (var c in Cases("wilson").EnumerateArray())
        {
            var ci = Proportions.Wilson(c.GetProperty("x").GetInt64(), c.GetProperty("n").GetInt64(), c.GetProperty("level").GetDouble());
            Assert.Equal(c.GetProperty("lower").GetDouble(), ci.Lower, 1e-12);
            Assert.Equal(c.GetProperty("upper").GetDouble(), ci.Upper, 1e-12);
        }
    }

    [Fact]
    public void Two_proportion_z_test_matches_scipy_in_all_three_directions()
    {
        foreach (var c in Cases("ztest").EnumerateArray())
        {
            long x1 = c.GetProperty("x1").GetInt64(), n1 = c.GetProperty("n1").GetInt64();
            long x2 = c.GetProperty("x2").GetInt64(), n2 = c.GetProperty("n2").GetInt64();
            var two = Proportions.TwoProportionZTest(x1, n1, x2, n2);
            Assert.Equal(c.GetProperty("z").GetDouble(), two.Z, 1e-12);
            Assert.Equal(c.GetProperty("two_sided").GetDouble(), two.PValue, 1e-12);
            Assert.Equal(c.GetProperty("greater").GetDouble(), Proportions.TwoProportionZTest(x1, n1, x2, n2, Alternative.Greater).PValue, 1e-12);
            Assert.Equal(c.GetProperty("less").GetDouble(), Proportions.TwoProportionZTest(x1, n1, x2, n2, Alternative.Less).PValue, 1e-12);
        }
    }

    [Fact]
    public void Degenerate_samples_give_p_one_and_bad_counts_are_rejected()
    {
        Assert.Equal(1.0, Proportions.TwoProportionZTest(0, 10, 0, 20).PValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Wilson(5, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.TwoProportionZTest(1, 0, 1, 2));
    }
}
