using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Layout;

/// <summary>The vertical viridis colour bar drawn to the right of a heatmap panel.</summary>
internal static class ColorBarPainter
{
    private const double Gap = 14, BarWidth = 14, TickLen = 4;

    private static (double[] Ticks, string[] Labels) TickSet(HeatmapSeries h, double heightPx)
    {
        (double lo, double hi) = SeriesPainter.HeatmapRange(h);
        if (!(hi > lo))
        {
            return ([lo], Ticks.Labels([lo], AxisScale.Linear));
        }

        double[] ticks = Ticks.Linear(lo, hi, Math.Max(2, (int)(heightPx / 45)));
        return (ticks, Ticks.Labels(ticks, AxisScale.Linear));
    }

    /// <summary>Horizontal space the bar, its tick labels and its label need.</summary>
    public static double Width(HeatmapSeries h, double heightPx, TextPlacer text)
    {
        double w = 0;
        foreach (string s in TickSet(h, heightPx).Labels)
        {
            w = Math.Max(w, text.Width(s, FontMetrics.TickSize));
        }

        return Gap + BarWidth + TickLen + 3 + w + (h.ColorBarLabel is null ? 0 : FontMetrics.LabelSize * 1.6);
    }

    public static void Draw(HeatmapSeries h, RectPx plot, TextPlacer text, List<DrawItem> items)
    {
        (double lo, double hi) = SeriesPainter.HeatmapRange(h);
        double x0 = plot.Right + Gap;
        const int steps = 64;
        for (int k = 0; k < steps; k++)
        {
            double y1 = Math.Round(plot.Bottom - plot.Height * k / steps), y2 = Math.Round(plot.Bottom - plot.Height * (k + 1) / steps);
            items.Add(new RectItem(new RectPx(x0, y2, BarWidth, y1 - y2), ColorMap.Viridis((k + 0.5) / steps), null, 0, Crisp: true));
        }

        items.Add(new RectItem(new RectPx(x0, plot.Y, BarWidth, plot.Height), null, new Rgba(0x44, 0x44, 0x44), 1));
        (double[] ticks, string[] labels) = TickSet(h, plot.Height);
        double maxW = 0;
        for (int i = 0; i < ticks.Length; i++)
        {
            double y = hi > lo ? plot.Bottom - (ticks[i] - lo) / (hi - lo) * plot.Height : plot.Y + plot.Height / 2;
            items.Add(new LineItem([new(x0 + BarWidth, y), new(x0 + BarWidth + TickLen, y)], new Rgba(0x44, 0x44, 0x44), 1, LineStyle.Solid));
            TextItem t = text.Add(labels[i], x0 + BarWidth + TickLen + 3, y, FontMetrics.TickSize, TextAlign.Left, VerticalAlign.Middle, TextRole.ColorBar);
            maxW = Math.Max(maxW, t.WidthPx);
        }

        if (h.ColorBarLabel is { } label)
        {
            double lx = x0 + BarWidth + TickLen + 3 + maxW + 6;
            text.Add(label, lx, plot.Y + plot.Height / 2, FontMetrics.LabelSize, TextAlign.Center, VerticalAlign.Top, TextRole.ColorBar, rotationDeg: -90);
        }
    }
}
