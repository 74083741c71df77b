using ScottPlot;
using SkiaSharp;

namespace Almab.Reports.Figures;

/// <summary>
/// Applies a <see cref="Chart.Legend"/> choice to its ScottPlot plot. For <see cref="ChartLegend.Auto"/> it renders
/// the chart once with the legend (to learn the legend's size) and once without legend or grid, then puts the
/// legend in the first inner corner whose pixels are all background, so a legend never covers data; when every
/// corner holds data it goes outside on the right (below, for a legend wider than 30 % of the panel).
/// </summary>
internal static class ChartLegendPlacer
{
    private static readonly Alignment[] Corners = [Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerRight, Alignment.LowerLeft];

    /// <summary>At most this many non-background pixels count as an empty corner (anti-aliasing fringes).</summary>
    private const int Tolerance = 2;

    public static void Apply(Chart chart, int widthPx, int heightPx)
    {
        Plot plot = chart.Plot;
        if (chart.LegendLabels.Count == 0 || chart.Legend == ChartLegend.None)
        {
            plot.HideLegend();
            return;
        }

        switch (chart.Legend)
        {
            case ChartLegend.UpperRight: plot.ShowLegend(Alignment.UpperRight); break;
            case ChartLegend.UpperLeft: plot.ShowLegend(Alignment.UpperLeft); break;
            case ChartLegend.LowerRight: plot.ShowLegend(Alignment.LowerRight); break;
            case ChartLegend.LowerLeft: plot.ShowLegend(Alignment.LowerLeft); break;
            case ChartLegend.OutsideRight: plot.ShowLegend(Edge.Right); break;
            case ChartLegend.Below: plot.ShowLegend(Edge.Bottom); break;
            default: PlaceAutomatically(plot, widthPx, heightPx); break;
        }
    }

    private static void PlaceAutomatically(Plot plot, int widthPx, int heightPx)
    {
        var info = new SKImageInfo(widthPx, heightPx, SKColorType.Rgba8888, SKAlphaType.Premul);
        using SKSurface surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"cannot create a {widthPx} x {heightPx} raster surface.");
        plot.ShowLegend(Alignment.UpperRight);
        surface.Canvas.Clear(SKColors.White);
        plot.Render(surface.Canvas, widthPx, heightPx);
        PixelSize legend = plot.Legend.LastRenderSize;

        var grids = plot.Axes.AllGrids.Select(g => (g, g.IsVisible)).ToList();
        plot.Legend.IsVisible = false;
        grids.ForEach(x => x.g.IsVisible = false);
        surface.Canvas.Clear(SKColors.White);
        plot.Render(surface.Canvas, widthPx, heightPx);
        grids.ForEach(x => x.g.IsVisible = x.IsVisible);
        PixelRect inner = plot.LastRender.DataRect.Contract(plot.Legend.Margin);

        using SKImage image = surface.Snapshot();
        using SKBitmap bitmap = SKBitmap.FromImage(image);
        foreach (Alignment corner in Corners)
        {
            PixelRect box = new PixelRect(new PixelSize(legend.Width, legend.Height)).AlignedInside(inner, corner).Expand(4);
            if (float.IsFinite(legend.Width) && legend.Width <= inner.Width && legend.Height <= inner.Height && Inked(bitmap, box) <= Tolerance)
            {
                plot.ShowLegend(corner);
                return;
            }
        }

        if (legend.Width > 0.3 * widthPx)
        {
            plot.ShowLegend(Edge.Bottom);
        }
        else
        {
            plot.ShowLegend(Edge.Right);
        }
    }

    /// <summary>Pixels inside <paramref name="box"/> (clipped to the bitmap) that differ from white by more than 20 levels in any channel.</summary>
    private static int Inked(SKBitmap bitmap, PixelRect box)
    {
        int x0 = Math.Max(0, (int)Math.Floor(box.Left)), x1 = Math.Min(bitmap.Width, (int)Math.Ceiling(box.Right));
        int y0 = Math.Max(0, (int)Math.Floor(box.Top)), y1 = Math.Min(bitmap.Height, (int)Math.Ceiling(box.Bottom));
        ReadOnlySpan<byte> pixels = bitmap.GetPixelSpan();
        int stride = bitmap.RowBytes, count = 0;
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                int i = y * stride + 4 * x;
                if (pixels[i] < 235 || pixels[i + 1] < 235 || pixels[i + 2] < 235)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
