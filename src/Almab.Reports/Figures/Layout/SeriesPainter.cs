using System.Globalization;
using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Layout;

/// <summary>Turns data series into drawing items with the panel's axis maps.</summary>
internal static class SeriesPainter
{
    public static void Paint(Series s, Rgba color, AxisMap x, AxisMap y, List<DrawItem> items, int barIndex, int barCount, TextPlacer text)
    {
        switch (s)
        {
            case LineSeries l:
                foreach (PointPx[] run in Runs(l.X, l.Y, x, y, l.Step))
                {
                    if (run.Length >= 2)
                    {
                        items.Add(new LineItem(run, color, l.WidthPx, l.Style));
                    }
                }

                if (l.Marker != MarkerShape.None)
                {
                    Markers(l.X, l.Y, x, y, l.Marker, l.MarkerSizePx, color, null, items);
                }

                break;
            case ScatterSeries p:
                Markers(p.X, p.Y, x, y, p.Marker, p.MarkerSizePx, color, p.Outline ? Rgba.White : null, items);
                break;
            case BandSeries b:
                Band(b, color, x, y, items);
                break;
            case ReferenceLine r:
                if (r.Vertical ? x.Valid(r.Value) : y.Valid(r.Value))
                {
                    PointPx[] pts = r.Vertical
                        ? [new(x.ToPx(r.Value), y.PxFrom), new(x.ToPx(r.Value), y.PxTo)]
                        : [new(x.PxFrom, y.ToPx(r.Value)), new(x.PxTo, y.ToPx(r.Value))];
                    items.Add(new LineItem(pts, color, r.WidthPx, r.Style));
                }

                break;
            case BarSeries bar:
                Bars(bar, color, x, y, items, barIndex, barCount, text);
                break;
            case HeatmapSeries h:
                Heatmap(h, x, y, items);
                break;
        }
    }

    /// <summary>Splits a series into drawable runs at non-finite (or non-positive on log axes) points.</summary>
    public static List<PointPx[]> Runs(double[] xs, double[] ys, AxisMap x, AxisMap y, bool step)
    {
        var runs = new List<PointPx[]>();
        var cur = new List<PointPx>();
        for (int i = 0; i < xs.Length; i++)
        {
            if (!x.Valid(xs[i]) || !y.Valid(ys[i]))
            {
                if (cur.Count > 0)
                {
                    runs.Add([.. cur]);
                    cur.Clear();
                }

                continue;
            }

            var p = new PointPx(x.ToPx(xs[i]), y.ToPx(ys[i]));
            if (step && cur.Count > 0)
            {
                cur.Add(new PointPx(p.X, cur[^1].Y));
            }

            cur.Add(p);
        }

        if (cur.Count > 0)
        {
            runs.Add([.. cur]);
        }

        return runs;
    }

    private static void Markers(double[] xs, double[] ys, AxisMap x, AxisMap y, MarkerShape shape, double size, Rgba color, Rgba? outline, List<DrawItem> items)
    {
        for (int i = 0; i < xs.Length; i++)
        {
            if (x.Valid(xs[i]) && y.Valid(ys[i]))
            {
                items.Add(new MarkerItem(new PointPx(x.ToPx(xs[i]), y.ToPx(ys[i])), shape, size, color, outline));
            }
        }
    }

    private static void Band(BandSeries b, Rgba color, AxisMap x, AxisMap y, List<DrawItem> items)
    {
        var upper = new List<PointPx>();
        var lower = new List<PointPx>();
        void Flush()
        {
            if (upper.Count >= 2)
            {
                lower.Reverse();
                items.Add(new PolygonItem([.. upper, .. lower], color.WithAlpha(b.Opacity)));
            }

            upper.Clear();
            lower.Clear();
        }

        for (int i = 0; i < b.X.Length; i++)
        {
            if (!x.Valid(b.X[i]) || !y.Valid(b.Lower[i]) || !y.Valid(b.Upper[i]))
            {
                Flush();
                continue;
            }

            double px = x.ToPx(b.X[i]);
            if (b.Step && upper.Count > 0)
            {
                upper.Add(new PointPx(px, upper[^1].Y));
                lower.Add(new PointPx(px, lower[^1].Y));
            }

            upper.Add(new PointPx(px, y.ToPx(b.Upper[i])));
            lower.Add(new PointPx(px, y.ToPx(b.Lower[i])));
        }

        Flush();
    }

    private static void Bars(BarSeries bar, Rgba color, AxisMap x, AxisMap y, List<DrawItem> items, int index, int count, TextPlacer text)
    {
        const double groupWidth = 0.8;
        double w = groupWidth / Math.Max(1, count);
        double baseValue = y.Scale == AxisScale.Log10 ? y.Min : Math.Max(y.Min, Math.Min(0, y.Max));
        double basePx = y.ToPx(baseValue);
        for (int c = 0; c < bar.Values.Length; c++)
        {
            double v = bar.Values[c];
            if (!y.Valid(v))
            {
                continue;
            }

            double left = c - groupWidth / 2 + index * w;
            double x0 = x.ToPx(left + 0.04 * w), x1 = x.ToPx(left + 0.96 * w), top = y.ToPx(v);
            var r = new RectPx(x0, Math.Min(top, basePx), x1 - x0, Math.Abs(basePx - top));
            items.Add(new RectItem(r, color, SeriesColors.Darker(color), 1));
            if (bar.Hatched)
            {
                Hatch(r, items);
            }

            double labelY = Math.Min(top, basePx);
            if (bar.Errors is { } err && c < err.Length && double.IsFinite(err[c]) && err[c] > 0)
            {
                double cx = (x0 + x1) / 2, cap = Math.Min(5, (x1 - x0) / 3);
                double hi = y.ToPx(v + err[c]), lo = y.Valid(v - err[c]) ? y.ToPx(v - err[c]) : basePx;
                var dark = new Rgba(0x22, 0x22, 0x22);
                items.Add(new LineItem([new(cx, hi), new(cx, lo)], dark, 1.2, LineStyle.Solid));
                items.Add(new LineItem([new(cx - cap, hi), new(cx + cap, hi)], dark, 1.2, LineStyle.Solid));
                items.Add(new LineItem([new(cx - cap, lo), new(cx + cap, lo)], dark, 1.2, LineStyle.Solid));
                labelY = Math.Min(labelY, hi);
            }

            if (bar.ValueFormat is { } fmt)
            {
                text.Add(v.ToString(fmt, CultureInfo.InvariantCulture).Replace('-', '\u2212'), (x0 + x1) / 2, labelY - 3, 10, TextAlign.Center, VerticalAlign.Bottom, TextRole.Annotation);
            }
        }
    }

    /// <summary>Diagonal hatching clipped to a rectangle.</summary>
    public static void Hatch(RectPx r, List<DrawItem> items)
    {
        items.Add(new ClipBeginItem(r));
        var ink = new Rgba(0, 0, 0, 0.55);
        for (double d = -r.Height; d < r.Width; d += 6)
        {
            items.Add(new LineItem([new(r.X + d, r.Bottom), new(r.X + d + r.Height, r.Y)], ink, 1, LineStyle.Solid));
        }

        items.Add(new ClipEndItem());
    }

    private static void Heatmap(HeatmapSeries h, AxisMap x, AxisMap y, List<DrawItem> items)
    {
        (double lo, double hi) = HeatmapRange(h);
        int rows = h.Values.GetLength(0), cols = h.Values.GetLength(1);
        for (int i = 0; i < rows; i++)
        {
            double yb = Math.Round(y.ToPx(h.YMin + (h.YMax - h.YMin) * i / rows));
            double yt = Math.Round(y.ToPx(h.YMin + (h.YMax - h.YMin) * (i + 1) / rows));
            for (int j = 0; j < cols; j++)
            {
                double xl = Math.Round(x.ToPx(h.XMin + (h.XMax - h.XMin) * j / cols));
                double xr = Math.Round(x.ToPx(h.XMin + (h.XMax - h.XMin) * (j + 1) / cols));
                double t = hi > lo ? (h.Values[i, j] - lo) / (hi - lo) : 0.5;
                var rect = new RectPx(Math.Min(xl, xr), Math.Min(yt, yb), Math.Abs(xr - xl), Math.Abs(yb - yt));
                items.Add(new RectItem(rect, ColorMap.Viridis(t), null, 0, Crisp: true));
            }
        }
    }

    /// <summary>The colour-scale limits of a heatmap (explicit or the finite data extent).</summary>
    public static (double Lo, double Hi) HeatmapRange(HeatmapSeries h)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in h.Values)
        {
            if (double.IsFinite(v))
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        }

        if (!double.IsFinite(lo))
        {
            (lo, hi) = (0, 1);
        }

        return (h.ColorMin ?? lo, h.ColorMax ?? hi);
    }
}
