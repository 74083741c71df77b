using Almab.Reports.Statistics;

namespace Almab.Reports.Tests.Statistics;

public class MannWhitneyUTests
{
    private const string File = "mannwhitneyu.json";

    public static IEnumerable<object[]> CaseIndices() => StatsFixture.Indices(File);

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void Matches_scipy_mannwhitneyu(int index)
    {
        var c = StatsFixture.Cases(File)[index];
        double[] x = StatsFixture.Doubles(c.GetProperty("x"));
        double[] y = StatsFixture.Doubles(c.GetProperty("y"));
        var alt = StatsFixture.ParseAlternative(c.GetProperty("alternative").GetString()!);
        var method = StatsFixture.ParseMethod(c.GetProperty("method").GetString()!);
        bool cont = c.GetProperty("use_continuity").GetBoolean();

        var r = MannWhitneyU.Test(x, y, alt, method, cont);

        string what = $"case {index} (n1={x.Length}, n2={y.Length}, {alt}, {method}, cc={cont})";
        Assert.Equal(c.GetProperty("U").GetDouble(), r.U);
        StatsFixture.Close(c.GetProperty("p").GetDouble(), r.PValue, 1e-10, what);
    }

    [Fact]
    public void Auto_uses_exact_only_for_small_samples_without_ties()
    {
        double[] a = [1, 2, 3, 4, 5, 6, 7, 8], b = [2.5, 3.5, 9, 10, 11, 12, 13, 14];
        Assert.Equal(TestMethod.Exact, MannWhitneyU.Test(a, b).Method);
        Assert.Equal(TestMethod.Asymptotic, MannWhitneyU.Test(a, [1.0, 9, 10]).Method);
        double[] nine = [1, 2, 3, 4, 5, 6, 7, 8, 9.5], nineB = [10.5, 11, 12, 13, 14, 15, 16, 17, 18];
        Assert.Equal(TestMethod.Asymptotic, MannWhitneyU.Test(nine, nineB).Method);
        Assert.Equal(TestMethod.Exact, MannWhitneyU.Test(nine, [0.5, 20]).Method);
    }

    [Fact]
    public void Exact_distribution_sums_to_one_and_is_symmetric()
    {
        // P(U >= 0) = 1 and P(U >= k) + P(U >= mn - k + 1) = 1 by symmetry of the null distribution.
        for (int m = 1; m <= 7; m++)
        {
            for (int n = 1; n <= 9; n++)
            {
                Assert.Equal(1.0, MannWhitneyExactDistribution.Sf(0, m, n));
                for (int k = 1; k <= m * n; k++)
                {
                    double s = MannWhitneyExactDistribution.Sf(k, m, n) + MannWhitneyExactDistribution.Sf(m * n - k + 1, m, n);
                    Assert.Equal(1.0, s, 12);
                }
            }
        }
    }

    [Fact]
    public void Exact_tail_of_complete_separation_is_one_over_binomial()
    {
        // U = m n only for the single arrangement with every x above every y: P = 1 / C(m + n, m).
        StatsFixture.Close(1.0 / 184756.0, MannWhitneyExactDistribution.Sf(100, 10, 10), 1e-12, "10 x 10");
        StatsFixture.Close(1.0 / 155117520.0, MannWhitneyExactDistribution.Sf(225, 15, 15), 1e-12, "15 x 15");
        StatsFixture.Close(1.0 / 1.00891344545564193e29, MannWhitneyExactDistribution.Sf(2500, 50, 50), 1e-12, "50 x 50");
    }

    [Fact]
    public void Rejects_empty_and_non_finite_samples()
    {
        var e1 = Assert.Throws<ArgumentException>(() => MannWhitneyU.Test([], [1.0]));
        Assert.Contains("non-empty", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => MannWhitneyU.Test([1.0, double.NaN], [1.0]));
        Assert.Contains("x[1]", e2.Message);
    }
}
