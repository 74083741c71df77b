using System.Xml.Linq;
using Almab.Reports.Figures.Layout;
using Almab.Reports.Figures.Model;
using Almab.Reports.Figures.Rendering;

namespace Almab.Reports.Tests.Figures;

/// <summary>
/// Renders every figure kind through <see cref="FigureWriter"/> and checks the files themselves: PNG size from
/// IHDR, decoded pixels not blank, SVG well-formed with the labels and legend entries. Set ALMAB_FIGURE_SAMPLES to
/// a folder to keep the samples for viewing.
/// </summary>
public sealed class FigureRenderingTests : IDisposable
{
    private readonly string _dir;
    private readonly bool _keep;

    public FigureRenderingTests()
    {
        string? keep = Environment.GetEnvironmentVariable("ALMAB_FIGURE_SAMPLES");
        _keep = !string.IsNullOrEmpty(keep);
        _dir = _keep ? keep! : Path.Combine(Path.GetTempPath(), "almab-fig-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    public void Dispose()
    {
        if (!_keep)
        {
            Directory.Delete(_dir, true);
        }
    }

    [Theory]
    [MemberData(nameof(SampleFigures.Names), MemberType = typeof(SampleFigures))]
    public void Every_kind_writes_a_nonblank_png_of_the_requested_size_and_a_wellformed_svg(string name)
    {
        Figure fig = SampleFigures.All()[name];
        FigureWriteResult result = FigureWriter.Write(fig, Path.Combine(_dir, name));

        XDocument svg = XDocument.Parse(File.ReadAllText(result.SvgPath));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal(fig.WidthPx.ToString(), svg.Root.Attribute("width")!.Value);
        var svgTexts = svg.Descendants(ns + "text").Select(t => t.Value).ToHashSet();
        FigureLayout layout = FigureLayoutEngine.Compute(fig, FigureWriter.DefaultMeasurer);
        foreach (Axes axes in fig.Panels.OfType<Axes>())
        {
            foreach (string? label in new[] { axes.X.Label, axes.Y.Label, axes.Title })
            {
                if (label is not null)
                {
                    Assert.Contains(label, svgTexts);
                }
            }

            foreach (Series s in axes.Series.Where(s => s.Label is not null && axes.Legend != LegendPlacement.None))
            {
                Assert.Contains(s.Label!, svgTexts);
                Assert.Contains(layout.Texts, t => t.Role == TextRole.Legend && t.Text == s.Label);
            }
        }

        Assert.True(CairoPngRenderer.IsAvailable, "libcairo.so.2 should be installed on the test machines (apt-get install libcairo2)");
        Assert.NotNull(result.PngPath);
        Assert.Null(result.Message);
        Assert.Equal((fig.WidthPx, fig.HeightPx), PngImage.ReadSize(result.PngPath!));
        PngImage png = PngImage.Read(result.PngPath!);
        Assert.Equal(fig.WidthPx, png.Width);
        int inked = png.CountNonWhite(0, 0, png.Width, png.Height);
        Assert.True(inked > png.Width * png.Height / 100, $"only {inked} non-white pixels");
        Assert.True(inked < png.Width * png.Height * 9 / 10, $"{inked} non-white pixels: background missing");

        // Every text's box must contain ink in the PNG (the text was actually drawn where the layout says).
        foreach (TextItem t in layout.Texts.Where(t => t.RotationDeg == 0 && t.WidthPx > 4))
        {
            int ink = png.CountNonWhite((int)t.Origin.X, (int)(t.Origin.Y - 0.75 * t.SizePx), (int)(t.Origin.X + t.WidthPx) + 1, (int)t.Origin.Y + 2);
            Assert.True(ink > 3, $"text '{t.Text}' left no ink");
        }
    }

    [Fact]
    public void Legend_is_drawn_where_the_layout_puts_it_and_nowhere_without_it()
    {
        Figure With(LegendPlacement placement)
        {
            var fig = new Figure(500, 320);
            Axes ax = fig.AddAxes();
            ax.Add(new LineSeries([0, 1, 2, 3], [0, 1, 4, 9], "quadratic"));
            ax.Add(new LineSeries([0, 1, 2, 3], [0, 1, 2, 3], "linear"));
            ax.Legend = placement;
            return fig;
        }

        FigureWriteResult a = FigureWriter.Write(With(LegendPlacement.TopLeft), Path.Combine(_dir, "legend_on"));
        FigureWriteResult b = FigureWriter.Write(With(LegendPlacement.None), Path.Combine(_dir, "legend_off"));
        FigureLayout layout = FigureLayoutEngine.Compute(With(LegendPlacement.TopLeft), FigureWriter.DefaultMeasurer);
        RectPx box = Assert.Single(layout.LegendBoxes);
        RectPx plot = Assert.Single(layout.PlotAreas);
        Assert.True(box.X >= plot.X && box.Right <= plot.Right && box.Y >= plot.Y && box.Bottom <= plot.Bottom);
        Assert.Empty(FigureLayoutEngine.Compute(With(LegendPlacement.None), FigureWriter.DefaultMeasurer).LegendBoxes);

        PngImage on = PngImage.Read(a.PngPath!), off = PngImage.Read(b.PngPath!);
        // The 1 px frame is centred on the box edge, so allow 2 px of antialiasing around it.
        int inside = on.CountDifferent(off, (int)box.X - 2, (int)box.Y - 2, (int)box.Right + 3, (int)box.Bottom + 3);
        int outside = on.CountDifferent(off, 0, 0, on.Width, on.Height) - inside;
        Assert.True(inside > 200, $"legend box differs in only {inside} pixels");
        Assert.True(outside == 0, $"{outside} pixels outside the legend box changed");
    }

    [Fact]
    public void Auto_legend_avoids_the_corner_where_the_data_is()
    {
        var fig = new Figure(500, 320);
        Axes ax = fig.AddAxes();
        ax.Add(new LineSeries([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0, 0.5, 1, 2, 3, 4, 5, 6, 7.5, 9, 10], "rising"));
        FigureLayout layout = FigureLayoutEngine.Compute(fig, FigureWriter.DefaultMeasurer);
        RectPx box = Assert.Single(layout.LegendBoxes), plot = Assert.Single(layout.PlotAreas);
        Assert.True(box.X < plot.X + plot.Width / 2 && box.Y < plot.Y + plot.Height / 2, $"legend at {box}, expected top left");
    }

    [Fact]
    public void Writer_writes_svg_and_png_next_to_each_other()
    {
        var fig = new Figure(300, 200, "t");
        fig.AddAxes().Add(new ScatterSeries([1, 2], [3, 4]));
        FigureWriteResult r = FigureWriter.Write(fig, Path.Combine(_dir, "sub", "pair"));
        Assert.Equal(Path.Combine(_dir, "sub", "pair.svg"), r.SvgPath);
        Assert.Equal(Path.Combine(_dir, "sub", "pair.png"), r.PngPath);
        Assert.True(File.Exists(r.SvgPath) && File.Exists(r.PngPath));
        Assert.Contains("apt-get install libcairo2", FigureWriter.MissingCairoMessage);
    }

    [Fact]
    public void Without_cairo_the_writer_still_writes_svg_and_says_how_to_get_png()
    {
        var fig = new Figure(300, 200);
        fig.AddAxes().Add(new LineSeries([1, 2], [3, 4], "line"));
        FigureWriteResult r = FigureWriter.Write(fig, Path.Combine(_dir, "nocairo"), cairo: false);
        Assert.Null(r.PngPath);
        Assert.False(File.Exists(Path.Combine(_dir, "nocairo.png")));
        Assert.Equal(FigureWriter.MissingCairoMessage, r.Message);
        Assert.DoesNotContain('\n', r.Message!);
        Assert.Contains(">line</text>", File.ReadAllText(r.SvgPath));
    }
}
