using Almab.Reports.Statistics;

namespace Almab.Reports.Tests.Statistics;

public class NemenyiTests
{
    // Demšar (2006), JMLR 7:1-30, Table 5(a): critical values q_alpha of the two-tailed Nemenyi test, k = 2..10.
    private static readonly double[] DemsarQ005 = [1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164];
    private static readonly double[] DemsarQ010 = [1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920];

    public static IEnumerable<object[]> ScipyCases() => StatsFixture.Indices("studentized_range.json");

    public static IEnumerable<object[]> RCases() => StatsFixture.Indices("r_ptukey.json");

    [Fact]
    public void Critical_values_reproduce_Demsar_table_5a()
    {
        // The table is printed to 3 decimals (k = 3 and 7 are truncated rather than rounded): tolerance 1e-3.
        for (int k = 2; k <= 10; k++)
        {
            Assert.InRange(Nemenyi.CriticalValue(k, 0.05) - DemsarQ005[k - 2], -1e-3, 1e-3);
            Assert.InRange(Nemenyi.CriticalValue(k, 0.10) - DemsarQ010[k - 2], -1e-3, 1e-3);
        }

        // k = 2: the range of two normals is sqrt 2 |Z|, so q_alpha is the normal quantile z_(1 - alpha/2).
        Assert.Equal(1.959963984540054, Nemenyi.CriticalValue(2, 0.05), 9);
    }

    [Theory]
    [MemberData(nameof(ScipyCases))]
    public void Studentized_range_matches_scipy(int index)
    {
        var c = StatsFixture.Cases("studentized_range.json")[index];
        int k = c.GetProperty("k").GetInt32();
        if (c.TryGetProperty("cdf", out var cdf))
        {
            Assert.Equal(cdf.GetDouble(), StudentizedRange.Cdf(c.GetProperty("q").GetDouble(), k), 11);
        }
        else
        {
            double p = c.GetProperty("p").GetDouble();
            StatsFixture.Close(c.GetProperty("quantile").GetDouble(), StudentizedRange.Quantile(p, k), 1e-9, $"k={k} p={p}");
        }
    }

    [Theory]
    [MemberData(nameof(RCases))]
    public void Studentized_range_cdf_matches_R_ptukey(int index)
    {
        var c = StatsFixture.Cases("r_ptukey.json")[index];
        int k = c.GetProperty("k").GetInt32();
        double q = StatsFixture.Scalar(c.GetProperty("q"));
        Assert.Equal(StatsFixture.Scalar(c.GetProperty("cdf")), StudentizedRange.Cdf(q, k), 9);
    }

    public static IEnumerable<object[]> TailCases() => StatsFixture.Indices("studentized_range_tail.json");

    [Theory]
    [MemberData(nameof(TailCases))]
    public void Cdf_and_upper_tail_match_a_40_digit_evaluation(int index)
    {
        var c = StatsFixture.Cases("studentized_range_tail.json")[index];
        int k = c.GetProperty("k").GetInt32();
        double q = c.GetProperty("q").GetDouble();
        StatsFixture.Close(c.GetProperty("cdf").GetDouble(), StudentizedRange.Cdf(q, k), 1e-10, $"cdf k={k} q={q}");
        StatsFixture.Close(c.GetProperty("sf").GetDouble(), StudentizedRange.Sf(q, k), 1e-10, $"sf k={k} q={q}");
    }

    [Fact]
    public void Upper_tail_keeps_relative_accuracy_far_out()
    {
        // k = 2: R = sqrt 2 |Z|, so P(R > q) = erfc(q / 2) exactly.
        foreach (double q in new[] { 0.5, 2.0, 5.0, 8.0, 12.0 })
        {
            StatsFixture.Close(MathNet.Numerics.SpecialFunctions.Erfc(q / 2), StudentizedRange.Sf(q, 2), 1e-9, $"k=2 q={q}");
        }

        // k = 5, q = 12: the union bound over the 10 pairs, 10 erfc(6), is sharp up to terms of order
        // exp(-q^2 / 3) / exp(-q^2 / 4) ~ 1e-5 relative (two pairs exceeding q at once).
        double union = 10 * MathNet.Numerics.SpecialFunctions.Erfc(6.0);
        double sf = StudentizedRange.Sf(12.0, 5);
        Assert.InRange(sf / union, 1 - 1e-3, 1 + 1e-9);

        // Complement of the CDF where both are well conditioned.
        for (int k = 2; k <= 20; k += 3)
        {
            foreach (double q in new[] { 0.3, 1.5, 3.0, 4.5 })
            {
                Assert.Equal(1.0, StudentizedRange.Sf(q, k) + StudentizedRange.Cdf(q, k), 12);
            }
        }
    }

    [Fact]
    public void Critical_difference_and_pairwise_p_values_are_consistent()
    {
        // Demšar's worked example (section 3.2.2): k = 4 classifiers on N = 14 data sets, CD(0.05) = 1.25.
        Assert.Equal(1.25, Nemenyi.CriticalDifference(4, 14, 0.05), 2);

        double[][] table = [[1, 2, 3, 4], [1, 3, 2, 4], [2, 1, 3, 4], [1, 2, 4, 3], [1, 2, 3, 4], [2, 1, 3, 4]];
        var f = Friedman.Test(table.Select(r => (IReadOnlyList<double>)r).ToList());
        var nem = Nemenyi.Test(f, 0.05);
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                // "Differ" at alpha exactly when the family-wise p-value is below alpha.
                Assert.Equal(nem.Differ(i, j), nem.PValues[i, j] < 0.05);
                Assert.Equal(nem.PValues[i, j], nem.PValues[j, i]);
            }
        }

        Assert.True(nem.Differ(0, 3));
        Assert.False(nem.Differ(0, 1));
    }
}
