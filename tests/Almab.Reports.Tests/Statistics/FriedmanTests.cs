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
}
