namespace Almab.Reports.Figures.Layout;

/// <summary>A canvas position in pixels (origin top left, y down).</summary>
/// <param name="X">Pixels from the left edge.</param>
/// <param name="Y">Pixels from the top edge.</param>
public readonly record struct PointPx(double X, double Y);
