using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Layout;

/// <summary>
/// Lays out one <see cref="Axes"/> panel in its cell: margins from the measured tick and axis labels, grid,
/// clipped series, frame, ticks, labels, annotations, colour bar and legend.
/// </summary>
internal static class AxesLayout
{
    private const double TickLen = 5;
    private static readonly Rgba Ink = new(0x22, 0x22, 0x22);
    private static readonly Rgba GridInk = new(0xe3, 0xe3, 0xe3);

    public static void Emit(Axes axes, RectPx cell, TextPlacer text, List<DrawItem> items, List<RectPx> plots, List<RectPx> legends, bool forceOutside = false)
    {
        int firstItem = items.Count;
        Rgba[] colors = SeriesColors.Resolve(axes);
        (double xmin, double xmax) = AxesLimits.Resolve(axes, true);
        (double ymin, double ymax) = AxesLimits.Resolve(axes, false);
        HeatmapSeries? heat = null;
        int barCount = 0;
        foreach (Series s in axes.Series)
        {
            heat ??= s as HeatmapSeries;
            barCount += s is BarSeries ? 1 : 0;
        }

        List<LegendEntry> entries = LegendPainter.Entries(axes, colors);
        (double W, double H) legendSize = LegendPainter.Size(entries, text);

        double top = cell.Y + (axes.Title is null ? 10 : 10 + FontMetrics.PanelTitleSize * 1.6);
        double bottomFixed = TickLen + 4 + FontMetrics.TickSize * 1.1 + (axes.X.Label is null ? 8 : FontMetrics.LabelSize * 1.5 + 10);
        double estH = Math.Max(40, cell.Height - (top - cell.Y) - bottomFixed);

        (double[] yt, string[] yl) = YTicks(axes.Y, ymin, ymax, estH);
        double left = cell.X + 8 + (axes.Y.Label is null ? 0 : FontMetrics.LabelSize * 1.3 + 6) + MaxWidth(yl, text) + 4 + TickLen;
        double rightReserve = 14 + (heat is null ? 0 : ColorBarPainter.Width(heat, estH, text));
        bool outside = entries.Count > 0 && (forceOutside || LegendPainter.GoesOutside(axes.Legend, legendSize, cell.Right - rightReserve - left, estH));
        if (outside)
        {
            rightReserve += legendSize.W + 10;
        }

        double plotW = Math.Max(40, cell.Right - rightReserve - left);
        (double[] xt, string[] xl, double xRotation) = XTicks(axes.X, xmin, xmax, plotW, text);
        double xLabelDepth = xRotation == 0
            ? FontMetrics.TickSize * 1.1
            : MaxWidth(xl, text) * Math.Sin(-xRotation * Math.PI / 180) + FontMetrics.TickSize;
        double bottom = cell.Bottom - (TickLen + 4 + xLabelDepth + (axes.X.Label is null ? 8 : FontMetrics.LabelSize * 1.5 + 10));
        var plot = new RectPx(left, top, plotW, Math.Max(40, bottom - top));
        if (axes.EqualAspect && axes.X.Scale == AxisScale.Linear && axes.Y.Scale == AxisScale.Linear)
        {
            double scale = Math.Min(plot.Width / (xmax - xmin), plot.Height / (ymax - ymin));
            plot = plot with { Width = scale * (xmax - xmin), Height = scale * (ymax - ymin) };
        }

        (yt, yl) = YTicks(axes.Y, ymin, ymax, plot.Height);
        if (axes.X.Ticks is { } fixedX)
        {
            (xt, xl) = (fixedX, Ticks.Labels(fixedX, axes.X.Scale));
        }

        if (axes.Y.Ticks is { } fixedY)
        {
            (yt, yl) = (fixedY, Ticks.Labels(fixedY, axes.Y.Scale));
        }

        // Auto legend that would cover data in every inner corner: lay the panel out again with it outside,
        // unless that would take more than 45 % of the plot's width (then the least-covered corner wins).
        if (entries.Count > 0 && !outside && axes.Legend == LegendPlacement.Auto && legendSize.W + 10 < 0.45 * plot.Width)
        {
            var probeX = new AxisMap(xmin, xmax, axes.X.Scale, plot.X, plot.Right);
            var probeY = new AxisMap(ymin, ymax, axes.Y.Scale, plot.Bottom, plot.Y);
            if (LegendPainter.Place(LegendPlacement.Auto, plot, legendSize, DataPoints(axes, probeX, probeY)).Covered > 0)
            {
                items.RemoveRange(firstItem, items.Count - firstItem);
                Emit(axes, cell, text, items, plots, legends, forceOutside: true);
                return;
            }
        }

        plots.Add(plot);

        var xm = new AxisMap(xmin, xmax, axes.X.Scale, plot.X, plot.Right);
        var ym = new AxisMap(ymin, ymax, axes.Y.Scale, plot.Bottom, plot.Y);
        items.Add(new RectItem(plot, Rgba.White, null, 0));
        if (axes.Grid)
        {
            foreach (double t in xt)
            {
                double p = Snap(xm.ToPx(t));
                items.Add(new LineItem([new(p, plot.Y), new(p, plot.Bottom)], GridInk, 1, LineStyle.Solid));
            }

            foreach (double t in yt)
            {
                double p = Snap(ym.ToPx(t));
                items.Add(new LineItem([new(plot.X, p), new(plot.Right, p)], GridInk, 1, LineStyle.Solid));
            }
        }

        items.Add(new ClipBeginItem(plot));
        int barIndex = 0;
        for (int i = 0; i < axes.Series.Count; i++)
        {
            Series s = axes.Series[i];
            SeriesPainter.Paint(s, colors[i], xm, ym, items, barIndex, barCount, text);
            barIndex += s is BarSeries ? 1 : 0;
        }

        items.Add(new ClipEndItem());
        items.Add(new RectItem(plot, null, Ink, 1));

        for (int i = 0; i < xt.Length; i++)
        {
            double p = Snap(xm.ToPx(xt[i]));
            items.Add(new LineItem([new(p, plot.Bottom), new(p, plot.Bottom + TickLen)], Ink, 1, LineStyle.Solid));
            if (xRotation == 0)
            {
                text.Add(xl[i], p, plot.Bottom + TickLen + 4, FontMetrics.TickSize, TextAlign.Center, VerticalAlign.Top, TextRole.TickLabel);
            }
            else
            {
                text.Add(xl[i], p + 3, plot.Bottom + TickLen + 3, FontMetrics.TickSize, TextAlign.Right, VerticalAlign.Top, TextRole.TickLabel, rotationDeg: xRotation);
            }
        }

        for (int i = 0; i < yt.Length; i++)
        {
            double p = Snap(ym.ToPx(yt[i]));
            items.Add(new LineItem([new(plot.X - TickLen, p), new(plot.X, p)], Ink, 1, LineStyle.Solid));
            text.Add(yl[i], plot.X - TickLen - 4, p, FontMetrics.TickSize, TextAlign.Right, VerticalAlign.Middle, TextRole.TickLabel);
        }

        if (axes.X.Label is { } xlabel)
        {
            text.Add(xlabel, plot.X + plot.Width / 2, plot.Bottom + TickLen + 4 + xLabelDepth + 8, FontMetrics.LabelSize, TextAlign.Center, VerticalAlign.Top, TextRole.AxisLabel);
        }

        if (axes.Y.Label is { } ylabel)
        {
            text.Add(ylabel, cell.X + 8, plot.Y + plot.Height / 2, FontMetrics.LabelSize, TextAlign.Center, VerticalAlign.Top, TextRole.AxisLabel, rotationDeg: -90);
        }

        if (axes.Title is { } title)
        {
            text.Add(title, plot.X + plot.Width / 2, cell.Y + 8 + FontMetrics.PanelTitleSize, FontMetrics.PanelTitleSize, TextAlign.Center, VerticalAlign.Baseline, TextRole.PanelTitle, bold: true);
        }

        foreach (TextAnnotation a in axes.Annotations)
        {
            if (xm.Valid(a.X) && ym.Valid(a.Y))
            {
                text.Add(a.Text, xm.ToPx(a.X) + a.OffsetXPx, ym.ToPx(a.Y) + a.OffsetYPx, a.SizePx, a.Align, VerticalAlign.Middle, TextRole.Annotation, color: a.Color);
            }
        }

        if (heat is not null)
        {
            ColorBarPainter.Draw(heat, plot, text, items);
        }

        if (entries.Count > 0)
        {
            LegendPlacement placement = outside ? LegendPlacement.OutsideRight : axes.Legend;
            RectPx box = LegendPainter.Place(placement, plot, legendSize, DataPoints(axes, xm, ym)).Box;
            if (outside && heat is not null)
            {
                box = box with { X = plot.Right + rightReserve - 4 - legendSize.W };
            }

            legends.Add(box);
            LegendPainter.Draw(entries, box, text, items);
        }
    }

    private static double Snap(double p) => Math.Floor(p) + 0.5;

    private static double MaxWidth(string[] labels, TextPlacer text)
    {
        double w = 0;
        foreach (string s in labels)
        {
            w = Math.Max(w, text.Width(s, FontMetrics.TickSize));
        }

        return w;
    }

    private static (double[], string[]) YTicks(Axis axis, double min, double max, double heightPx)
    {
        double[] t = axis.Scale == AxisScale.Log10 ? Ticks.Log10(min, max) : Ticks.Linear(min, max, Math.Max(2, (int)(heightPx / 50)));
        return (t, Ticks.Labels(t, axis.Scale));
    }

    private static (double[], string[], double) XTicks(Axis axis, double min, double max, double widthPx, TextPlacer text)
    {
        if (axis.Categories is { } cats)
        {
            var pos = new double[cats.Count];
            var labels = new string[cats.Count];
            for (int i = 0; i < pos.Length; i++)
            {
                (pos[i], labels[i]) = (i, cats[i]);
            }

            double slot = widthPx / Math.Max(1, max - min);
            return (pos, labels, MaxWidth(labels, text) > slot * 0.92 ? -35 : 0);
        }

        if (axis.Scale == AxisScale.Log10)
        {
            double[] lt = Ticks.Log10(min, max);
            return (lt, Ticks.Labels(lt, AxisScale.Log10), 0);
        }

        for (int target = Math.Max(2, (int)(widthPx / 80)); ; target--)
        {
            double[] t = Ticks.Linear(min, max, target);
            string[] l = Ticks.Labels(t, AxisScale.Linear);
            double spacing = t.Length > 1 ? widthPx * (t[1] - t[0]) / (max - min) : widthPx;
            if (target <= 2 || MaxWidth(l, text) + 10 < spacing)
            {
                return (t, l, 0);
            }
        }
    }

    private static List<PointPx> DataPoints(Axes axes, AxisMap x, AxisMap y)
    {
        var pts = new List<PointPx>();
        void Add(double[] xs, double[] ys)
        {
            for (int i = 0; i < xs.Length; i++)
            {
                if (x.Valid(xs[i]) && y.Valid(ys[i]))
                {
                    pts.Add(new PointPx(x.ToPx(xs[i]), y.ToPx(ys[i])));
                }
            }
        }

        foreach (Series s in axes.Series)
        {
            switch (s)
            {
                case LineSeries l: Add(l.X, l.Y); break;
                case ScatterSeries p: Add(p.X, p.Y); break;
                case BandSeries b: Add(b.X, b.Lower); Add(b.X, b.Upper); break;
                case BarSeries bar:
                    for (int c = 0; c < bar.Values.Length; c++)
                    {
                        if (y.Valid(bar.Values[c]))
                        {
                            double top = y.ToPx(bar.Values[c]), basePx = y.ToPx(Math.Clamp(0, y.Min, y.Max));
                            for (double f = 0; f <= 1.0001; f += 0.125)
                            {
                                for (double g = 0; g <= 1.0001; g += 0.125)
                                {
                                    pts.Add(new PointPx(x.ToPx(c - 0.4 + 0.8 * f), top + g * (basePx - top)));
                                }
                            }
                        }
                    }

                    break;
                case HeatmapSeries: return [];
            }
        }

        return pts;
    }
}
