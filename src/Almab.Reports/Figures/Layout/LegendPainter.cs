using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Layout;

/// <summary>
/// Measures, places and draws an axes legend. Auto placement tries the four inner corners (top right, top
/// left, bottom right, bottom left) and takes the first with the fewest data points under the box; a legend
/// wider than half or taller than 60 % of the plot goes outside on the right.
/// </summary>
internal static class LegendPainter
{
    private const double Pad = 6, Sample = 26, Gap = 6, Inset = 8;

    private static double RowHeight => FontMetrics.LegendSize * 1.45;

    public static List<LegendEntry> Entries(Axes axes, Rgba[] colors)
    {
        var list = new List<LegendEntry>();
        if (axes.Legend == LegendPlacement.None)
        {
            return list;
        }

        for (int i = 0; i < axes.Series.Count; i++)
        {
            Series s = axes.Series[i];
            if (s.Label is { Length: > 0 } label && s is not HeatmapSeries)
            {
                list.Add(new LegendEntry(label, s, colors[i]));
            }
        }

        return list;
    }

    public static (double W, double H) Size(List<LegendEntry> entries, TextPlacer text)
    {
        double w = 0;
        foreach (LegendEntry e in entries)
        {
            w = Math.Max(w, text.Width(e.Label, FontMetrics.LegendSize));
        }

        return (2 * Pad + Sample + Gap + w, 2 * Pad + entries.Count * RowHeight - (RowHeight - FontMetrics.LegendSize * 1.15));
    }

    public static (RectPx Box, int Covered) Place(LegendPlacement placement, RectPx plot, (double W, double H) size, List<PointPx> dataPoints)
    {
        RectPx Corner(LegendPlacement p) => p switch
        {
            LegendPlacement.TopLeft => new RectPx(plot.X + Inset, plot.Y + Inset, size.W, size.H),
            LegendPlacement.BottomRight => new RectPx(plot.Right - Inset - size.W, plot.Bottom - Inset - size.H, size.W, size.H),
            LegendPlacement.BottomLeft => new RectPx(plot.X + Inset, plot.Bottom - Inset - size.H, size.W, size.H),
            LegendPlacement.OutsideRight => new RectPx(plot.Right + 10, plot.Y, size.W, size.H),
            _ => new RectPx(plot.Right - Inset - size.W, plot.Y + Inset, size.W, size.H),
        };

        if (placement != LegendPlacement.Auto)
        {
            return (Corner(placement), 0);
        }

        RectPx best = default;
        int bestCount = int.MaxValue;
        foreach (LegendPlacement p in (LegendPlacement[])[LegendPlacement.TopRight, LegendPlacement.TopLeft, LegendPlacement.BottomRight, LegendPlacement.BottomLeft])
        {
            RectPx r = Corner(p);
            int count = 0;
            foreach (PointPx q in dataPoints)
            {
                if (r.Contains(q.X, q.Y))
                {
                    count++;
                }
            }

            if (count < bestCount)
            {
                (best, bestCount) = (r, count);
            }
        }

        return (best, bestCount);
    }

    public static bool GoesOutside(LegendPlacement placement, (double W, double H) size, double plotW, double plotH) =>
        placement == LegendPlacement.OutsideRight ||
        (placement == LegendPlacement.Auto && (size.W > 0.5 * plotW || size.H > 0.6 * plotH));

    public static void Draw(List<LegendEntry> entries, RectPx box, TextPlacer text, List<DrawItem> items)
    {
        items.Add(new RectItem(box, Rgba.White.WithAlpha(0.9), new Rgba(0xbb, 0xbb, 0xbb), 1));
        for (int i = 0; i < entries.Count; i++)
        {
            LegendEntry e = entries[i];
            double cy = box.Y + Pad + FontMetrics.LegendSize * 0.6 + i * RowHeight;
            double x0 = box.X + Pad, x1 = x0 + Sample;
            switch (e.Series)
            {
                case LineSeries l:
                    items.Add(new LineItem([new(x0, cy), new(x1, cy)], e.Color, Math.Min(l.WidthPx, 3), l.Style));
                    if (l.Marker != MarkerShape.None)
                    {
                        items.Add(new MarkerItem(new((x0 + x1) / 2, cy), l.Marker, Math.Min(l.MarkerSizePx, 9), e.Color, null));
                    }

                    break;
                case ScatterSeries p:
                    items.Add(new MarkerItem(new((x0 + x1) / 2, cy), p.Marker, Math.Min(p.MarkerSizePx, 9), e.Color, p.Outline ? Rgba.White : null));
                    break;
                case ReferenceLine r:
                    items.Add(new LineItem([new(x0, cy), new(x1, cy)], e.Color, r.WidthPx, r.Style));
                    break;
                case BandSeries b:
                    items.Add(new RectItem(new RectPx(x0, cy - 6, Sample, 12), e.Color.WithAlpha(b.Opacity), null, 0));
                    break;
                case BarSeries bar:
                    var r2 = new RectPx(x0 + 4, cy - 6, Sample - 8, 12);
                    items.Add(new RectItem(r2, e.Color, SeriesColors.Darker(e.Color), 1));
                    if (bar.Hatched)
                    {
                        SeriesPainter.Hatch(r2, items);
                    }

                    break;
            }

            text.Add(e.Label, x1 + Gap, cy, FontMetrics.LegendSize, TextAlign.Left, VerticalAlign.Middle, TextRole.Legend);
        }
    }
}
