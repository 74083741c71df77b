using Almab.Reports.Figures;

namespace Almab.Reports.Tests.Figures.Charts;

/// <summary>Snapshot-style checks of chart SVGs: titles, axis labels, legend and tick text present as SVG text in the bundled font, one drawn series per line.</summary>
public sealed class ChartSvgTests
{
    private static readonly string[] Methods = ["ALMAB-DC", "GP-UCB", "Random search"];

    internal static Chart ThreeLines()
    {
        var chart = new Chart("Best so far <n = 3> & more").Labels("Evaluations", "Regret (s)");
        for (int m = 0; m < Methods.Length; m++)
        {
            double[] x = [1, 2, 3, 4, 5];
            double[] y = [.. x.Select(v => (m + 1) * 10 / v)];
            chart.Band(x, [.. y.Select(v => v - 1)], [.. y.Select(v => v + 1)]);
            chart.Line(x, y, Methods[m]);
        }

        return chart;
    }

    [Fact]
    public void Svg_holds_title_axis_labels_and_legend_as_text_in_DejaVu_Sans()
    {
        var svg = new SvgChart(new ChartGrid(800, 500).Add(ThreeLines()).RenderSvg());
        Assert.Contains("Best so far <n = 3> & more", svg.Texts);
        Assert.Contains("Evaluations", svg.Texts);
        Assert.Contains("Regret (s)", svg.Texts);
        foreach (string m in Methods)
        {
            Assert.Contains(m, svg.Texts);
        }

        Assert.Equal([ChartFont.Name], svg.FontFamilies);
        Assert.Contains(svg.Texts, t => t == "5");
    }

    [Fact]
    public void Svg_draws_one_stroke_colour_per_line_and_one_band_fill_per_band()
    {
        var svg = new SvgChart(new ChartGrid(800, 500).Add(ThreeLines()).RenderSvg());
        string[] expected = [.. Enumerable.Range(0, 3).Select(i => ChartPalette.Series(i).ToHex().ToUpperInvariant()[..7])];
        Assert.Equal(expected.Order(), svg.StrokeColors.Order());
        Assert.Equal(expected.Order(), svg.FillColors.Order());
    }

    [Fact]
    public void Grid_title_and_every_panel_title_are_text()
    {
        var grid = new ChartGrid(1200, 500, "Figure 9: convergence rate", columns: 3);
        grid.AddChart("(a) curves").Line([1, 2, 3], [3, 2, 1], "m");
        grid.AddChart("(b) thresholds").Bars(["A", "B"], new BarGroup("≤ 0.11", [12, 30], ValueFormat: "0"));
        grid.AddChart("(c) rate λ").Bars(["A", "B"], new BarGroup(null, [0.2, 0.1]));
        var svg = new SvgChart(grid.RenderSvg());
        foreach (string t in new[] { "Figure 9: convergence rate", "(a) curves", "(b) thresholds", "(c) rate λ", "≤ 0.11", "A", "B", "12", "30" })
        {
            Assert.Contains(t, svg.Texts);
        }
    }

    [Fact]
    public void Log_axis_labels_decades()
    {
        var chart = new Chart().LogScaleX().Labels("Round k", "R_k (s)");
        chart.Line([1, 10, 100, 1000, 10000], [1, 2, 3, 4, 5], "a");
        var svg = new SvgChart(new ChartGrid(700, 400).Add(chart).RenderSvg());
        foreach (string decade in new[] { "1", "10", "100", "1000", "10000" })
        {
            Assert.Contains(decade, svg.Texts);
        }

        Assert.DoesNotContain("2000", svg.Texts);
    }

    [Fact]
    public void Non_finite_points_break_a_line_into_pieces()
    {
        var chart = new Chart();
        chart.Line([1, 2, 3, 4, 5, 6], [1, 2, double.NaN, 4, 5, 6], "broken");
        Assert.Equal(2, chart.Plot.GetPlottables<ScottPlot.Plottables.Scatter>().Count());
        Assert.Equal(["broken"], chart.LegendLabels);
    }

    [Fact]
    public void Save_writes_a_png_and_a_well_formed_svg()
    {
        string dir = Path.Combine(Path.GetTempPath(), "almab-chart-" + Guid.NewGuid().ToString("N"));
        try
        {
            ChartFiles files = ThreeLines().Save(Path.Combine(dir, "sub", "convergence"), 640, 400);
            byte[] png = File.ReadAllBytes(files.PngPath);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            Assert.EndsWith("convergence.svg", files.SvgPath, StringComparison.Ordinal);
            Assert.Contains("Regret (s)", new SvgChart(File.ReadAllText(files.SvgPath)).Texts);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }

    [Fact]
    public void Heatmap_row_zero_is_at_the_bottom_and_the_cells_tile_the_given_rectangle()
    {
        var chart = new Chart();
        chart.Heatmap(new double[,] { { 0, 1 }, { 2, 3 } }, 0, 1, 0, 1);
        byte[] png = new ChartGrid(500, 400).Add(chart).RenderPng();
        ScottPlot.AxisLimits limits = chart.Plot.Axes.GetLimits();
        Assert.Equal((0.0, 1.0, 0.0, 1.0), (Math.Round(limits.Left, 9), Math.Round(limits.Right, 9), Math.Round(limits.Bottom, 9), Math.Round(limits.Top, 9)));
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        var viridis = new ScottPlot.Colormaps.Viridis();
        foreach ((double x, double y, double t) in new[] { (0.25, 0.25, 0.0), (0.75, 0.25, 1 / 3.0), (0.25, 0.75, 2 / 3.0), (0.75, 0.75, 1.0) })
        {
            ScottPlot.Pixel p = chart.Plot.GetPixel(new ScottPlot.Coordinates(x, y));
            SkiaSharp.SKColor got = bitmap.GetPixel((int)p.X, (int)p.Y);
            ScottPlot.Color want = viridis.GetColor(t);
            Assert.True(Math.Abs(got.Red - want.R) + Math.Abs(got.Green - want.G) + Math.Abs(got.Blue - want.B) < 12, $"cell at ({x}, {y}): {got} vs {want.ToHex()}");
        }
    }
}
