namespace Almab.Reports.Figures.Layout;

/// <summary>An axis-aligned canvas rectangle in pixels (origin top left, y down).</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width (non-negative).</param>
/// <param name="Height">Height (non-negative).</param>
public readonly record struct RectPx(double X, double Y, double Width, double Height)
{
    /// <summary>Right edge.</summary>
    public double Right => X + Width;

    /// <summary>Bottom edge.</summary>
    public double Bottom => Y + Height;

    /// <summary>True when the point lies inside or on the edge.</summary>
    public bool Contains(double x, double y) => x >= X && x <= Right && y >= Y && y <= Bottom;
}
