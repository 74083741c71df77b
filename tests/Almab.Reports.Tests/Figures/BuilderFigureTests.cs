using Almab.Reports.Figures;
using Almab.Reports.Tests.Figures.Charts;
using SkiaSharp;

namespace Almab.Reports.Tests.Figures;

/// <summary>
/// Every builder's figure (SampleFigures) rendered through ScottPlot: PNG of the requested size with ink but a white
/// background, SVG holding every title, axis label and legend entry as text, and one drawn curve per method. Set
/// ALMAB_FIGURE_SAMPLES to a folder to keep the PNG/SVG pairs for viewing.
/// </summary>
public sealed class BuilderFigureTests
{
    [Theory]
    [MemberData(nameof(SampleFigures.Names), MemberType = typeof(SampleFigures))]
    public void Every_figure_writes_a_png_with_ink_and_an_svg_with_all_its_text(string name)
    {
        ChartGrid grid = SampleFigures.All()[name];
        byte[] png = grid.RenderPng();
        var svg = new SvgChart(grid.RenderSvg());
        if (Environment.GetEnvironmentVariable("ALMAB_FIGURE_SAMPLES") is { Length: > 0 } keep)
        {
            grid.Save(Path.Combine(keep, name));
        }

        using SKBitmap bitmap = SKBitmap.Decode(png);
        Assert.Equal((grid.WidthPx, grid.HeightPx), (bitmap.Width, bitmap.Height));
        int inked = bitmap.Pixels.Count(c => c.Red < 200 || c.Green < 200 || c.Blue < 200);
        Assert.True(inked > bitmap.Width * bitmap.Height / 100, $"only {inked} inked pixels");
        Assert.True(inked < bitmap.Width * bitmap.Height * 6 / 10, $"{inked} inked pixels: background missing");

        Assert.Equal(grid.WidthPx.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)svg.Document.Root!.Attribute("width"));
        var expected = new List<string>();
        if (grid.Title is { } title)
        {
            expected.Add(title);
        }

        foreach (Chart chart in grid.Charts)
        {
            expected.AddRange(new[] { chart.Title, chart.Plot.Axes.Bottom.Label.Text, chart.Plot.Axes.Left.Label.Text }.Where(t => !string.IsNullOrEmpty(t))!);
            if (chart.Legend != ChartLegend.None)
            {
                expected.AddRange(chart.LegendLabels);
            }
        }

        Assert.NotEmpty(expected);
        foreach (string text in expected)
        {
            Assert.Contains(text, svg.Texts);
        }
    }

    [Theory]
    [InlineData("convergence")]
    [InlineData("convergence_time")]
    [InlineData("regret")]
    public void Curve_figures_draw_one_curve_and_one_band_per_method(string name)
    {
        var svg = new SvgChart(SampleFigures.All()[name].RenderSvg());
        string[] colours = [.. Enumerable.Range(0, SampleFigures.Methods.Length).Select(i => ChartPalette.Series(i).ToHex()[..7].ToUpperInvariant())];
        Assert.Equal(colours.Order(), svg.StrokeColors.Order());
        Assert.Equal(colours.Order(), svg.FillColors.Order());
        foreach (string method in SampleFigures.Methods)
        {
            Assert.Contains(method, svg.Texts);
        }
    }

    [Fact]
    public void Speedup_figure_names_each_fit_with_its_serial_fraction()
    {
        var svg = new SvgChart(SampleFigures.All()["speedup"].RenderSvg());
        Assert.Contains(svg.Texts, t => t.StartsWith("Case 1 (CIFAR-10): Amdahl fit (p = 0.", StringComparison.Ordinal));
        Assert.Contains("Ideal (S = K)", svg.Texts);
        Assert.Contains("16", svg.Texts);
        Assert.Contains(svg.Texts, t => t.EndsWith('×'));
    }
}
