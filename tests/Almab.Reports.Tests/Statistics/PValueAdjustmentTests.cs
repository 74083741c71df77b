using Almab.Reports.Statistics;

namespace Almab.Reports.Tests.Statistics;

public class PValueAdjustmentTests
{
    public static IEnumerable<object[]> RCases() => StatsFixture.Indices("r_padjust.json");

    [Theory]
    [MemberData(nameof(RCases))]
    public void Matches_R_p_adjust(int index)
    {
        var c = StatsFixture.Cases("r_padjust.json")[index];
        double[] p = StatsFixture.Doubles(c.GetProperty("p"));
        double[] expected = StatsFixture.Doubles(c.GetProperty("adjusted"));
        var correction = c.GetProperty("method").GetString() switch
        {
            "none" => PValueCorrection.None,
            "bonferroni" => PValueCorrection.Bonferroni,
            _ => PValueCorrection.Holm,
        };

        double[] actual = PValueAdjustment.Adjust(p, correction);

        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            StatsFixture.Close(expected[i], actual[i], 1e-14, $"case {index} ({correction}) element {i}");
        }
    }

    [Fact]
    public void Holm_never_exceeds_Bonferroni_and_is_monotone_in_raw_order()
    {
        double[] p = [0.04, 0.001, 0.3, 0.02, 0.02, 0.9];
        double[] holm = PValueAdjustment.Adjust(p, PValueCorrection.Holm);
        double[] bonf = PValueAdjustment.Adjust(p, PValueCorrection.Bonferroni);
        for (int i = 0; i < p.Length; i++)
        {
            Assert.True(holm[i] <= bonf[i] && holm[i] >= p[i]);
            for (int j = 0; j < p.Length; j++)
            {
                Assert.True(p[i] > p[j] || holm[i] <= holm[j]);
            }
        }
    }

    [Fact]
    public void Rejects_values_outside_unit_interval()
    {
        var e = Assert.Throws<ArgumentException>(() => PValueAdjustment.Adjust([0.1, 1.5], PValueCorrection.Holm));
        Assert.Contains("pValues[1] = 1.5", e.Message);
    }
}
