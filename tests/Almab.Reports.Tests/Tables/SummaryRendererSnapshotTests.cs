using Almab.Reports.Tables;

namespace Almab.Reports.Tests.Tables;

/// <summary>
/// Snapshot tests: the rendered text of the fixed input must equal the committed files in
/// Fixtures/stats/tables. To regenerate after an intended change, run the tests with
/// ALMAB_WRITE_SNAPSHOTS=&lt;dir&gt;, review the files written there, and copy them over.
/// </summary>
public class SummaryRendererSnapshotTests
{
    private static readonly SummaryTable Table =
        SummaryTable.Build(SummaryFixture.Records(), "ALMAB-DC (UCB)", "accuracy", lowerIsBetter: false);

    [Fact]
    public void Markdown_matches_snapshot() => Check("summary.md", MarkdownSummaryRenderer.Render(Table));

    [Fact]
    public void Csv_matches_snapshot() => Check("summary.csv", CsvSummaryRenderer.Render(Table));

    [Fact]
    public void Latex_matches_snapshot() => Check("summary.tex", LatexSummaryRenderer.Render(Table));

    [Fact]
    public void Escaping_neutralises_special_characters()
    {
        Assert.Equal("a\\|b\\*c\\_d \\[e\\]", MarkdownSummaryRenderer.Escape("a|b*c_d\n[e]"));
        Assert.Equal("A \\& B 5\\% \\$x\\$ \\#1 a\\_b \\{c\\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{} {[}1{]} a\\textbar{}b",
            LatexSummaryRenderer.Escape("A & B 5% $x$ #1 a_b {c} ~^\\ [1] a|b"));
    }

    private static void Check(string file, string actual)
    {
        string? outDir = Environment.GetEnvironmentVariable("ALMAB_WRITE_SNAPSHOTS");
        if (!string.IsNullOrEmpty(outDir))
        {
            Directory.CreateDirectory(outDir);
            File.WriteAllText(Path.Combine(outDir, file), actual);
        }

        string expected = File.ReadAllText(Path.Combine(SummaryFixture.Dir, file)).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }
}
