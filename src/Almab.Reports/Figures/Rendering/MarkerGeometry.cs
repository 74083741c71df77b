using Almab.Reports.Figures.Layout;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Rendering;

/// <summary>Polygon outlines of the non-circular markers, shared by both renderers.</summary>
internal static class MarkerGeometry
{
    public static PointPx[] Polygon(MarkerItem m)
    {
        double r = m.SizePx / 2, x = m.Center.X, y = m.Center.Y;
        return m.Shape switch
        {
            MarkerShape.Square => [new(x - r * 0.9, y - r * 0.9), new(x + r * 0.9, y - r * 0.9), new(x + r * 0.9, y + r * 0.9), new(x - r * 0.9, y + r * 0.9)],
            MarkerShape.Triangle => [new(x, y - r * 1.15), new(x + r * 1.05, y + r * 0.75), new(x - r * 1.05, y + r * 0.75)],
            MarkerShape.Diamond => [new(x, y - r * 1.2), new(x + r, y), new(x, y + r * 1.2), new(x - r, y)],
            _ => [],
        };
    }
}
