using Almab.Reports.Statistics;

namespace Almab.Reports.Tests.Statistics;

public class FriedmanTests
{
    public static IEnumerable<object[]> Files() =>
        from f in new[] { "friedman.json", "r_friedman.json" }
        from i in StatsFixture.Indices(f)
        select new object[] { f, (int)i[0] };

    [Theory]
    [MemberData(nameof(Files))]
    public void Matches_scipy_friedmanchisquare_and_R_friedman_test(string file, int index)
    {
        var c = StatsFixture.Cases(file)[index];
        var blocks = c.GetProperty("blocks").EnumerateArray().Select(r => (IReadOnlyList<double>)StatsFixture.Doubles(r)).ToList();

        var r = Friedman.Test(blocks);

        StatsFixture.Close(StatsFixture.Scalar(c.GetProperty("statistic")), r.Statistic, 1e-10, $"{file} {index} statistic");
        StatsFixture.Close(StatsFixture.Scalar(c.GetProperty("p")), r.PValue, 1e-10, $"{file} {index} p");
        Assert.Equal(blocks.Count, r.Blocks);
        Assert.Equal(blocks[0].Count * (blocks[0].Count + 1) / 2.0, r.MeanRanks.Sum(), 10);
    }

    [Fact]
    public void Rejects_ragged_tables_with_the_row_named()
    {
        var e = Assert.Throws<ArgumentException>(() => Friedman.Test([[1.0, 2, 3], [1.0, 2]]));
        Assert.Contains("blocks[1] has 2 values, expected 3", e.Message);
    }

    /// <summary>
    /// Exact upper-tail probabilities of Friedman's statistic from the published small-sample tables (Friedman 1937;
    /// Siegel and Castellan 1988, Table M), each with the table's own rounding as tolerance.
    /// </summary>
    public static TheoryData<double[][], double, double, double> PublishedExact() => new()
    {
        // k = 3, N = 3
        { [[1, 2, 3], [1, 2, 3], [1, 2, 3]], 6.0, 0.028, 0.0005 },
        { [[1, 2, 3], [1, 2, 3], [1, 3, 2]], 14.0 / 3.0, 0.194, 0.0005 },
        // k = 3, N = 4
        { [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]], 8.0, 0.0046, 0.00005 },
        { [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 3, 2]], 6.5, 0.042, 0.0005 },
        // k = 4, N = 3
        { [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]], 9.0, 0.0017, 0.00005 },
        { [[1, 2, 3, 4], [1, 2, 3, 4], [1, 3, 2, 4]], 8.2, 0.017, 0.0005 },
        { [[1, 2, 3, 4], [1, 2, 3, 4], [2, 1, 4, 3]], 7.4, 0.033, 0.0005 },
    };

    [Theory]
    [MemberData(nameof(PublishedExact))]
    public void Exact_p_values_match_the_published_small_sample_tables(double[][] blocks, double statistic, double p, double rounding)
    {
        var r = Friedman.Test([.. blocks.Select(b => (IReadOnlyList<double>)b)]);
        Assert.Equal(statistic, r.Statistic, 10);
        Assert.NotNull(r.ExactPValue);
        Assert.InRange(r.ExactPValue!.Value, p - rounding, p + rounding);
    }

    [Fact]
    public void No_exact_p_value_with_ties_or_too_many_rankings()
    {
        Assert.Null(Friedman.Test([[1.0, 1.0, 2.0], [1.0, 2.0, 3.0]]).ExactPValue);
        var many = Enumerable.Range(0, 8).Select(i => (IReadOnlyList<double>)[i, 1.0 + i % 2, 5, 7, 9 - i % 3]).ToList();
        Assert.Null(Friedman.Test(many).ExactPValue); // (5!)^7 rankings
        Assert.Equal(1.0, Friedman.Test([[3.0, 1.0], [2.0, 9.0]]).ExactPValue); // statistic 0: every ranking is as extreme
    }
}
