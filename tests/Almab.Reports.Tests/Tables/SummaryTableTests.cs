using System.Text.Json;
using Almab.Reports.Data;
using Almab.Reports.Statistics;
using Almab.Reports.Tables;
using Almab.Reports.Tests.Statistics;

namespace Almab.Reports.Tests.Tables;

public class SummaryTableTests
{
    private const string Reference = "ALMAB-DC (UCB)";

    private static SummaryTable Build(IEnumerable<ReplicateRecord> records) =>
        SummaryTable.Build(records, Reference, "accuracy", lowerIsBetter: false);

    [Fact]
    public void Statistics_and_tests_match_numpy_and_scipy()
    {
        var table = Build(SummaryFixture.Records());
        var expected = SummaryFixture.Root().GetProperty("expected").EnumerateArray().ToList();
        var rows = table.Groups.SelectMany(g => g.Rows.Select(r => (g, r))).ToList();
        Assert.Equal(expected.Count, rows.Count);
        foreach (JsonElement e in expected)
        {
            var (g, r) = rows.Single(x => x.g.Case == e.GetProperty("case").GetString() && x.r.Method == e.GetProperty("method").GetString());
            string what = $"{g.Case}/{r.Method}";
            Assert.Equal(e.GetProperty("n").GetInt32(), r.N);
            StatsFixture.Close(e.GetProperty("mean").GetDouble(), r.Mean, 1e-12, what + " mean");
            StatsFixture.Close(e.GetProperty("sd").GetDouble(), r.StandardDeviation, 1e-12, what + " sd");
            StatsFixture.Close(e.GetProperty("median").GetDouble(), r.Median, 1e-12, what + " median");
            StatsFixture.Close(e.GetProperty("q1").GetDouble(), r.LowerQuartile, 1e-12, what + " q1");
            StatsFixture.Close(e.GetProperty("q3").GetDouble(), r.UpperQuartile, 1e-12, what + " q3");
            var regret = e.GetProperty("regret");
            StatsFixture.Close(regret.ValueKind == JsonValueKind.Null ? double.NaN : regret.GetDouble(), r.MeanCumulativeRegret, 1e-12, what + " regret");
            if (e.TryGetProperty("p", out var p))
            {
                StatsFixture.Close(p.GetDouble(), r.PValue, 1e-10, what + " p");
                StatsFixture.Close(e.GetProperty("p_adjusted").GetDouble(), r.AdjustedPValue, 1e-10, what + " p adjusted");
            }
            else
            {
                Assert.True(r.IsReference && double.IsNaN(r.PValue) && r.Mark == SignificanceMark.NotTested, what);
            }
        }
    }

    [Fact]
    public void Marks_follow_the_adjusted_p_value_and_the_direction()
    {
        var table = Build(SummaryFixture.Records());
        var marks = table.Groups.SelectMany(g => g.Rows).Where(r => !r.IsReference).ToDictionary(r => r.Method, r => r.Mark);
        // From the scipy reference (make_summary_input.py): Bonferroni-adjusted p and which side is larger.
        Assert.Equal(SignificanceMark.ReferenceBetter01, marks["Grid Search"]);    // p_adj 1.1e-4
        Assert.Equal(SignificanceMark.ReferenceBetter01, marks["Random|Search"]);  // p_adj 1.0e-3
        Assert.Equal(SignificanceMark.NotSignificant, marks["TPE, \"tuned\""]);    // p_adj 0.067
        Assert.Equal(SignificanceMark.MethodBetter01, marks["Equal Spacing"]);     // p_adj 0.0023, higher mean
        Assert.Equal(SignificanceMark.ReferenceBetter05, marks["D-optimal [5%]"]); // p_adj 0.022
        Assert.Equal(3, table.Groups[0].Comparisons);
        Assert.Equal(2, table.Groups[1].Comparisons);
    }

    [Fact]
    public void Lower_is_better_flips_the_direction_and_the_best_row()
    {
        var records = SummaryFixture.Records();
        var higher = Build(records);
        var lower = SummaryTable.Build(records, Reference, "accuracy", lowerIsBetter: true);
        Assert.Equal(SignificanceMark.ReferenceBetter01, lower.Groups[1].Rows.Single(r => r.Method == "Equal Spacing").Mark);
        Assert.Equal("Equal Spacing", higher.Groups[1].Rows.Single(r => r.IsBest).Method);
        Assert.Equal("D-optimal [5%]", lower.Groups[1].Rows.Single(r => r.IsBest).Method);
    }

    [Fact]
    public void Input_order_does_not_change_the_table()
    {
        var records = SummaryFixture.Records();
        var shuffled = records.Select((r, i) => (r, key: (i * 7919) % records.Count)).OrderBy(x => x.key).Select(x => x.r).ToList();
        // Method order is by first appearance, so compare per method.
        var a = Build(records).Groups.SelectMany(g => g.Rows).OrderBy(r => r.Method, StringComparer.Ordinal);
        var b = Build(shuffled).Groups.SelectMany(g => g.Rows).OrderBy(r => r.Method, StringComparer.Ordinal);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Bad_records_are_rejected_with_the_field_named()
    {
        var r = new ReplicateRecord("c", "m", 1, 10, 0, 0, 1.0, double.NaN, 1, 1);
        var dup = Assert.Throws<ArgumentException>(() => Build([r, r]));
        Assert.Contains("Duplicate replicate 0 of method 'm'", dup.Message);
        var nan = Assert.Throws<ArgumentException>(() => Build([r with { FinalMetric = double.NaN }]));
        Assert.Contains("FinalMetric=NaN", nan.Message);
        Assert.Throws<ArgumentException>(() => SummaryTable.Build([r], " ", "accuracy", false));
    }

    [Fact]
    public void Without_the_reference_nothing_is_tested()
    {
        var records = SummaryFixture.Records().Where(x => x.Method != Reference);
        var table = Build(records);
        Assert.All(table.Groups, g => Assert.Equal(0, g.Comparisons));
        Assert.All(table.Groups.SelectMany(g => g.Rows), row => Assert.Equal(SignificanceMark.NotTested, row.Mark));
    }
}
