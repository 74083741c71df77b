using Almab.Reports.Figures.Layout;
using Almab.Reports.Figures.Model;
using Almab.Reports.Figures.Text;

namespace Almab.Reports.Figures.Rendering;

/// <summary>
/// Writes a figure as &lt;path&gt;.svg always and &lt;path&gt;.png when cairo loads. The layout is computed once (text
/// measured by cairo when present, otherwise by DejaVu Sans's width table) and replayed by both renderers.
/// </summary>
public static class FigureWriter
{
    /// <summary>One line telling the user how to get PNG output.</summary>
    public const string MissingCairoMessage = "PNG skipped: libcairo.so.2 not found; install it with 'apt-get install libcairo2' (SVG was written).";

    /// <summary>The measurer the writer uses: cairo when it loads, else the width table.</summary>
    public static ITextMeasurer DefaultMeasurer => (ITextMeasurer?)CairoTextMeasurer.Instance ?? ApproximateTextMeasurer.Instance;

    /// <summary>Writes <paramref name="pathWithoutExtension"/>.svg and, with cairo, .png; creates the folder.</summary>
    public static FigureWriteResult Write(Figure figure, string pathWithoutExtension) =>
        Write(figure, pathWithoutExtension, CairoPngRenderer.IsAvailable);

    /// <summary>The writer with cairo's presence given (tests use it to exercise the SVG-only path).</summary>
    internal static FigureWriteResult Write(Figure figure, string pathWithoutExtension, bool cairo)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathWithoutExtension);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(pathWithoutExtension));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        FigureLayout layout = FigureLayoutEngine.Compute(figure, cairo ? DefaultMeasurer : ApproximateTextMeasurer.Instance);
        string svg = pathWithoutExtension + ".svg";
        new SvgRenderer().Render(layout, svg);
        if (!cairo)
        {
            return new FigureWriteResult(svg, null, MissingCairoMessage);
        }

        string png = pathWithoutExtension + ".png";
        new CairoPngRenderer().Render(layout, png);
        return new FigureWriteResult(svg, png, null);
    }
}
