using Almab.Reports.Statistics;

namespace Almab.Reports.Tests.Statistics;

public class EffectSizeTests
{
    public static IEnumerable<object[]> Cases() => StatsFixture.Indices("effectsize.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_brute_force_pair_counts(int index)
    {
        var c = StatsFixture.Cases("effectsize.json")[index];
        double[] x = StatsFixture.Doubles(c.GetProperty("x")), y = StatsFixture.Doubles(c.GetProperty("y"));
        Assert.Equal(c.GetProperty("a12").GetDouble(), EffectSize.VarghaDelaneyA12(x, y), 14);
        Assert.Equal(c.GetProperty("cliffs_delta").GetDouble(), EffectSize.CliffsDelta(x, y), 14);
    }

    [Fact]
    public void A12_equals_U_over_n1n2_and_swapping_samples_complements_it()
    {
        double[] x = [3, 1, 4, 1, 5, 9, 2, 6], y = [2, 7, 1, 8, 2, 8];
        double a = EffectSize.VarghaDelaneyA12(x, y);
        Assert.Equal(MannWhitneyU.Test(x, y).U / (x.Length * y.Length), a, 15);
        Assert.Equal(1.0, a + EffectSize.VarghaDelaneyA12(y, x), 15);
        Assert.Equal(-EffectSize.CliffsDelta(x, y), EffectSize.CliffsDelta(y, x), 15);
    }
}
