using System.Globalization;
using System.Text;
using Almab.Reports.Data;
using Almab.Reports.Tests.Tables;

namespace Almab.Reports.Tests.Data;

/// <summary>Tidy record helpers of Almab.Reports.Data: trace grouping and CSV export.</summary>
public class TidyDataTests
{
    private static TracePoint P(string c, string m, int rep, int e, double t, double v, int k = 4) =>
        new(c, m, k, 40, 0.1, rep, e, t, v, v, double.NaN);

    [Fact]
    public void Traces_are_grouped_by_cell_method_and_replicate_in_evaluation_order()
    {
        var points = new List<TracePoint>
        {
            P("b", "UCB", 1, 1, 2.0, 5), P("b", "UCB", 1, 0, 1.0, 4),
            P("a", "Random", 0, 0, 0.5, 1), P("a", "UCB", 3, 0, 0.1, 7), P("a", "UCB", 3, 1, 0.1, 8), P("a", "UCB", 3, 2, 0.9, 9),
            P("a", "UCB", 0, 0, 0.2, 6),
            P("a", "UCB", 0, 0, 0.3, 2, k: 1),
        };
        // Reversed input must give the same arrays except for method order (first appearance).
        foreach (var input in new[] { points, Enumerable.Reverse(points).ToList() })
        {
            var cells = TraceSet.Group(input);
            Assert.Equal(new[] { ("a", 1), ("a", 4), ("b", 4) }, cells.Select(c => (c.Case, c.Workers)));
            var a4 = cells[1];
            int ucb = a4.Methods.ToList().IndexOf("UCB"), rnd = a4.Methods.ToList().IndexOf("Random");
            Assert.Equal(new[] { 0, 3 }, a4.Replicates[ucb]);
            Assert.Equal(new[] { 6.0 }, a4.Observed[ucb][0]);
            Assert.Equal(new[] { 7.0, 8.0, 9.0 }, a4.Observed[ucb][1]);
            Assert.Equal(new[] { 0.1, 0.1, 0.9 }, a4.VirtualSeconds[ucb][1]);
            Assert.Equal(new[] { 1.0 }, a4.BestSoFar[rnd][0]);
            Assert.True(double.IsNaN(a4.Metric[ucb][1][2]));
            Assert.Equal(new[] { 4.0, 5.0 }, cells[2].Observed[0][0]);
        }

        // Methods are ordered by first appearance anywhere in the input ("UCB" comes first in both orders).
        Assert.Equal(new[] { "UCB", "Random" }, TraceSet.Group(points)[1].Methods);
        Assert.Equal(new[] { "Random", "UCB" }, TraceSet.Group(points.Skip(2))[1].Methods);
    }

    [Fact]
    public void Incomplete_or_inconsistent_traces_are_rejected_with_the_place_named()
    {
        var dup = Assert.Throws<ArgumentException>(() => TraceSet.Group([P("a", "m", 2, 0, 1, 1), P("a", "m", 2, 0, 1, 1)]));
        Assert.Contains("Duplicate evaluation 0 in case 'a', method 'm', replicate 2", dup.Message);
        var gap = Assert.Throws<ArgumentException>(() => TraceSet.Group([P("a", "m", 0, 0, 1, 1), P("a", "m", 0, 2, 2, 1)]));
        Assert.Contains("Evaluation 1 is missing", gap.Message);
        var back = Assert.Throws<ArgumentException>(() => TraceSet.Group([P("a", "m", 0, 0, 3, 1), P("a", "m", 0, 1, 2, 1)]));
        Assert.Contains("VirtualSeconds goes back", back.Message);
        var nan = Assert.Throws<ArgumentException>(() => TraceSet.Group([P("a", "m", 0, 0, 1, double.NaN)]));
        Assert.Contains("Observed=NaN", nan.Message);
        Assert.Contains("Evaluation=-1", Assert.Throws<ArgumentException>(() => TraceSet.Group([P("a", "m", 0, -1, 1, 1)])).Message);
    }

    [Fact]
    public void Replicate_csv_parses_back_to_the_records()
    {
        var records = SummaryFixture.Records();
        string csv = TidyCsv.Replicates(records);
        var rows = ParseCsv(csv);
        Assert.Equal(TidyCsv.ReplicateHeader, rows[0]);
        Assert.Equal(records.Count + 1, rows.Count);
        for (int i = 0; i < records.Count; i++)
        {
            string[] f = rows[i + 1];
            var r = records[i];
            var back = new ReplicateRecord(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture),
                D(f[4]), int.Parse(f[5], CultureInfo.InvariantCulture), D(f[6]), D(f[7]), D(f[8]), D(f[9]));
            Assert.Equal(r, back);
        }

        Assert.Contains("\"TPE, \"\"tuned\"\"\"", csv);
    }

    [Fact]
    public void Trace_csv_parses_back_to_the_points()
    {
        var points = new[] { new TracePoint("c,1", "a \"b\"", 2, 10, 0.25, 3, 0, 1.5e-7, -0.1, double.NaN, 1e300) };
        var rows = ParseCsv(TidyCsv.Traces(points));
        Assert.Equal(TidyCsv.TraceHeader, rows[0]);
        string[] f = rows[1];
        Assert.Equal(points[0], new TracePoint(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture),
            D(f[4]), int.Parse(f[5], CultureInfo.InvariantCulture), int.Parse(f[6], CultureInfo.InvariantCulture), D(f[7]), D(f[8]), D(f[9]), D(f[10])));
        Assert.Equal("", f[9]);
    }

    private static double D(string s) => s.Length == 0 ? double.NaN : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Independent RFC 4180 reader: quoted fields, doubled quotes, "\n" records.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(row);
        return rows;
    }
}
