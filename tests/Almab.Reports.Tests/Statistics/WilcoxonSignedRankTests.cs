using Almab.Reports.Statistics;

namespace Almab.Reports.Tests.Statistics;

public class WilcoxonSignedRankTests
{
    public static IEnumerable<object[]> ScipyCases() => StatsFixture.Indices("wilcoxon.json");

    public static IEnumerable<object[]> RCases() => StatsFixture.Indices("r_wilcox.json");

    [Theory]
    [MemberData(nameof(ScipyCases))]
    public void Matches_scipy_wilcoxon(int index)
    {
        var c = StatsFixture.Cases("wilcoxon.json")[index];
        double[] x = StatsFixture.Doubles(c.GetProperty("x")), y = StatsFixture.Doubles(c.GetProperty("y"));
        var alt = StatsFixture.ParseAlternative(c.GetProperty("alternative").GetString()!);
        var method = StatsFixture.ParseMethod(c.GetProperty("method").GetString()!);
        var zero = c.GetProperty("zero_method").GetString() switch
        {
            "wilcox" => ZeroMethod.Wilcox,
            "pratt" => ZeroMethod.Pratt,
            _ => ZeroMethod.ZSplit,
        };
        bool correction = c.GetProperty("correction").GetBoolean();

        var r = WilcoxonSignedRank.Test(x, y, alt, zero, correction, method);

        string what = $"case {index} (n={x.Length}, {alt}, {method}, {zero}, cc={correction})";
        StatsFixture.Close(c.GetProperty("statistic").GetDouble(), r.Statistic, 1e-12, what + " statistic");
        StatsFixture.Close(c.GetProperty("p").GetDouble(), r.PValue, 1e-10, what);
    }

    [Theory]
    [MemberData(nameof(RCases))]
    public void Matches_R_wilcox_test_paired(int index)
    {
        var c = StatsFixture.Cases("r_wilcox.json")[index];
        double[] x = StatsFixture.Doubles(c.GetProperty("x")), y = StatsFixture.Doubles(c.GetProperty("y"));
        var alt = c.GetProperty("alternative").GetString() switch
        {
            "two.sided" => Alternative.TwoSided,
            "less" => Alternative.Less,
            _ => Alternative.Greater,
        };
        bool correct = c.GetProperty("correct").GetBoolean();
        var method = c.GetProperty("exact").GetString() == "auto" ? TestMethod.Auto : TestMethod.Asymptotic;

        var r = WilcoxonSignedRank.Test(x, y, alt, ZeroMethod.Wilcox, correct, method);

        // R reports V = R+; scipy's (and our) two-sided statistic is min(R+, R-), R- = n(n+1)/2 - R+ over non-zero d.
        double v = StatsFixture.Doubles(c.GetProperty("V"))[0];
        int n = x.Zip(y, (a, b) => a - b).Count(d => d != 0);
        double expectedStat = alt == Alternative.TwoSided ? Math.Min(v, n * (n + 1) / 2.0 - v) : v;
        string what = $"R case {index} (n={x.Length}, {alt}, correct={correct}, {method})";
        Assert.Equal(expectedStat, r.Statistic);
        StatsFixture.Close(StatsFixture.Doubles(c.GetProperty("p"))[0], r.PValue, 1e-10, what);
    }

    [Fact]
    public void Exact_distribution_matches_closed_forms()
    {
        for (int n = 1; n <= 30; n++)
        {
            double[] pmf = SignedRankDistribution.Pmf(n);
            Assert.Equal(n * (n + 1) / 2 + 1, pmf.Length);
            Assert.Equal(Math.Pow(2, -n), pmf[0]);
            double sum = 0, mean = 0, second = 0;
            for (int k = 0; k < pmf.Length; k++)
            {
                sum += pmf[k];
                mean += k * pmf[k];
                second += (double)k * k * pmf[k];
                Assert.Equal(pmf[k], pmf[pmf.Length - 1 - k], 15);
            }

            // E[R+] = n(n+1)/4, Var[R+] = n(n+1)(2n+1)/24.
            Assert.Equal(1.0, sum, 12);
            StatsFixture.Close(n * (n + 1) / 4.0, mean, 1e-12, $"mean n={n}");
            StatsFixture.Close(n * (n + 1) * (2 * n + 1) / 24.0, second - mean * mean, 1e-9, $"variance n={n}");
        }
    }

    [Fact]
    public void Rejects_bad_input_with_clear_messages()
    {
        Assert.Contains("same length", Assert.Throws<ArgumentException>(() => WilcoxonSignedRank.Test([1.0, 2], [1.0])).Message);
        Assert.Contains("every difference is zero", Assert.Throws<ArgumentException>(
            () => WilcoxonSignedRank.TestDifferences([0.0, 0.0, 0.0])).Message);
        Assert.Contains("differences[1]", Assert.Throws<ArgumentException>(
            () => WilcoxonSignedRank.TestDifferences([1.0, double.PositiveInfinity])).Message);
    }
}
