using System.Xml.Linq;
using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Layout;
using Almab.Reports.Figures.Model;
using Almab.Reports.Figures.Rendering;
using Almab.Reports.Figures.Text;

namespace Almab.Reports.Tests.Figures;

/// <summary>
/// A small figure's SVG against the committed Fixtures/figures/small.svg (laid out with the width table, so the
/// file does not depend on the machine). Set ALMAB_UPDATE_SNAPSHOTS=1 to rewrite it after an intended change,
/// and review the diff.
/// </summary>
public sealed class SvgSnapshotTests
{
    internal static Figure Small()
    {
        var fig = new Figure(360, 240, "Small <test> & \"snapshot\"");
        Axes ax = fig.AddAxes();
        ax.Add(new BandSeries([1, 2, 3, 4], [0.5, 1.5, 2.0, 2.4], [1.5, 2.5, 3.2, 3.6]) { Color = Palette.Blue });
        ax.Add(new LineSeries([1, 2, 3, 4], [1, 2, 2.6, 3.0], "mean ± sd") { Color = Palette.Blue, Marker = MarkerShape.Square });
        ax.Add(new ReferenceLine(false, 3.5, "target") { Color = Palette.Vermillion });
        ax.Labels("Evaluations", "Regret (s)");
        return fig;
    }

    [Fact]
    public void Small_figure_matches_the_committed_svg()
    {
        string svg = SvgRenderer.ToSvg(FigureLayoutEngine.Compute(Small(), ApproximateTextMeasurer.Instance));
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "figures", "small.svg");
        if (Environment.GetEnvironmentVariable("ALMAB_UPDATE_SNAPSHOTS") == "1")
        {
            string source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "tests", "Almab.Reports.Tests", "Fixtures", "figures", "small.svg"));
            File.WriteAllText(Environment.GetEnvironmentVariable("ALMAB_SNAPSHOT_PATH") ?? source, svg);
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), svg);
    }

    [Fact]
    public void Svg_escapes_text_and_is_well_formed()
    {
        string svg = SvgRenderer.ToSvg(FigureLayoutEngine.Compute(Small(), ApproximateTextMeasurer.Instance));
        XDocument doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = doc.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("Small <test> & \"snapshot\"", texts);
        Assert.Contains("Evaluations", texts);
        Assert.Contains("Regret (s)", texts);
        Assert.Contains("mean ± sd", texts);
        Assert.Contains("target", texts);
        Assert.Contains("&lt;test&gt; &amp; &quot;snapshot&quot;", svg);
        Assert.Equal("1.1", doc.Root!.Attribute("version")!.Value);
    }
}
