using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Rendering;

/// <summary>Dash lengths (pixels, on/off alternating) shared by both renderers.</summary>
internal static class DashPattern
{
    public static double[] For(LineStyle style, double widthPx)
    {
        double w = Math.Max(widthPx, 1.2);
        return style switch
        {
            LineStyle.Dashed => [4.5 * w, 2.5 * w],
            LineStyle.Dotted => [1.1 * w, 1.7 * w],
            LineStyle.DashDot => [4.5 * w, 1.8 * w, 1.1 * w, 1.8 * w],
            _ => [],
        };
    }
}
