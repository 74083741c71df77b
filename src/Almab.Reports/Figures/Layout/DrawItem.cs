using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Layout;

/// <summary>One drawing instruction of a <see cref="FigureLayout"/>, in canvas pixels; renderers replay them in order.</summary>
public abstract record DrawItem;

/// <summary>An open polyline.</summary>
/// <param name="Points">Vertices (at least two).</param>
/// <param name="Color">Stroke colour.</param>
/// <param name="WidthPx">Stroke width.</param>
/// <param name="Style">Dash pattern.</param>
public sealed record LineItem(PointPx[] Points, Rgba Color, double WidthPx, LineStyle Style) : DrawItem;

/// <summary>A filled closed polygon.</summary>
/// <param name="Points">Vertices (at least three).</param>
/// <param name="Fill">Fill colour (its alpha is the opacity).</param>
public sealed record PolygonItem(PointPx[] Points, Rgba Fill) : DrawItem;

/// <summary>A rectangle, filled and/or stroked.</summary>
/// <param name="Rect">Position and size.</param>
/// <param name="Fill">Fill colour; null for none.</param>
/// <param name="Stroke">Stroke colour; null for none.</param>
/// <param name="StrokeWidthPx">Stroke width.</param>
/// <param name="Crisp">Draw without antialiasing (adjacent heatmap cells then show no seams).</param>
public sealed record RectItem(RectPx Rect, Rgba? Fill, Rgba? Stroke, double StrokeWidthPx, bool Crisp = false) : DrawItem;

/// <summary>A data marker.</summary>
/// <param name="Center">Centre.</param>
/// <param name="Shape">Shape.</param>
/// <param name="SizePx">Diameter.</param>
/// <param name="Fill">Fill colour.</param>
/// <param name="Outline">Outline colour; null for none.</param>
public sealed record MarkerItem(PointPx Center, MarkerShape Shape, double SizePx, Rgba Fill, Rgba? Outline) : DrawItem;

/// <summary>
/// A single-line text in DejaVu Sans. <see cref="Anchor"/> with <see cref="Align"/> is what the caller asked for;
/// <see cref="Origin"/> is the resolved left end of the baseline (computed from the measured width), so a
/// renderer that cannot align text itself needs no font metrics.
/// </summary>
/// <param name="Text">The text.</param>
/// <param name="Anchor">Anchor point.</param>
/// <param name="Align">Horizontal alignment along the text direction.</param>
/// <param name="Origin">Left end of the baseline.</param>
/// <param name="BaselineAnchor">Anchor moved onto the baseline (where SVG's text-anchor applies).</param>
/// <param name="WidthPx">Measured advance width.</param>
/// <param name="SizePx">Font size (em) in pixels.</param>
/// <param name="Bold">Bold weight.</param>
/// <param name="Color">Fill colour.</param>
/// <param name="RotationDeg">Rotation about the anchor in degrees, clockwise on screen (-90 reads bottom to top).</param>
/// <param name="Role">What the text is for.</param>
public sealed record TextItem(
    string Text,
    PointPx Anchor,
    TextAlign Align,
    PointPx Origin,
    PointPx BaselineAnchor,
    double WidthPx,
    double SizePx,
    bool Bold,
    Rgba Color,
    double RotationDeg,
    TextRole Role) : DrawItem;

/// <summary>Starts clipping to a rectangle until the matching <see cref="ClipEndItem"/>.</summary>
/// <param name="Rect">Clip rectangle.</param>
public sealed record ClipBeginItem(RectPx Rect) : DrawItem;

/// <summary>Ends the innermost clip.</summary>
public sealed record ClipEndItem : DrawItem;
