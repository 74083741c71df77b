using Almab.Reports.Figures.Colors;

namespace Almab.Reports.Figures.Model;

/// <summary>Text placed at a data position (clipped to nothing: it may overhang the plot).</summary>
/// <param name="X">X position in data units.</param>
/// <param name="Y">Y position in data units.</param>
/// <param name="Text">The text.</param>
public sealed record TextAnnotation(double X, double Y, string Text)
{
    /// <summary>Horizontal alignment relative to the point.</summary>
    public TextAlign Align { get; init; } = TextAlign.Left;

    /// <summary>Pixel offset added to the point (x right, y down).</summary>
    public double OffsetXPx { get; init; }

    /// <summary>Pixel offset added to the point (y down).</summary>
    public double OffsetYPx { get; init; }

    /// <summary>Text colour (default black).</summary>
    public Rgba Color { get; init; } = Rgba.Black;

    /// <summary>Font size in pixels.</summary>
    public double SizePx { get; init; } = 11;
}
