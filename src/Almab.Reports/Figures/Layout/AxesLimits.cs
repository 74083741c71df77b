using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Layout;

/// <summary>
/// Chooses axis limits: fixed limits win; otherwise the data extent (lines, markers, bands, bars from zero,
/// reference lines, heatmap extent) padded by 4 % in the axis's own scale. Heatmaps and categorical axes get
/// no padding. Empty or degenerate data gets a unit range around it.
/// </summary>
internal static class AxesLimits
{
    public static (double Min, double Max) Resolve(Axes axes, bool horizontal)
    {
        Axis axis = horizontal ? axes.X : axes.Y;
        if (horizontal && axis.Categories is { } cats)
        {
            return (axis.Min ?? -0.5, axis.Max ?? cats.Count - 0.5);
        }

        bool log = axis.Scale == AxisScale.Log10;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        bool exact = false;
        void Take(double v)
        {
            if (double.IsFinite(v) && (!log || v > 0))
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        }

        void TakeAll(double[] values)
        {
            foreach (double v in values)
            {
                Take(v);
            }
        }

        foreach (Series s in axes.Series)
        {
            switch (s)
            {
                case LineSeries l: TakeAll(horizontal ? l.X : l.Y); break;
                case ScatterSeries p: TakeAll(horizontal ? p.X : p.Y); break;
                case BandSeries b:
                    if (horizontal)
                    {
                        TakeAll(b.X);
                    }
                    else
                    {
                        TakeAll(b.Lower);
                        TakeAll(b.Upper);
                    }

                    break;
                case BarSeries bar when !horizontal:
                    for (int i = 0; i < bar.Values.Length; i++)
                    {
                        double e = bar.Errors is { } err && i < err.Length && double.IsFinite(err[i]) ? err[i] : 0;
                        Take(bar.Values[i] + e);
                        Take(bar.Values[i] - e);
                    }

                    if (!log)
                    {
                        Take(0);
                    }

                    break;
                case ReferenceLine r when r.Vertical == horizontal: Take(r.Value); break;
                case HeatmapSeries h:
                    Take(horizontal ? h.XMin : h.YMin);
                    Take(horizontal ? h.XMax : h.YMax);
                    exact = true;
                    break;
            }
        }

        if (!double.IsFinite(lo))
        {
            (lo, hi) = log ? (1, 10) : (0, 1);
        }

        if (axis.Min is { } fmin)
        {
            lo = fmin;
        }

        if (axis.Max is { } fmax)
        {
            hi = fmax;
        }

        if (log && !(lo > 0))
        {
            throw new ArgumentException($"Axis '{axis.Label}' is log10 but its lower limit is {lo}; it must be positive.");
        }

        if (!(hi > lo))
        {
            double d = log ? 0 : Math.Max(Math.Abs(lo) * 0.1, 0.5);
            (lo, hi) = log ? (lo / 2, hi * 2) : (lo - d, hi + d);
        }

        if (exact)
        {
            return (lo, hi);
        }

        double pad = 0.04;
        if (log)
        {
            double a = Math.Log10(lo), b = Math.Log10(hi), p = (b - a) * pad;
            return (axis.Min ?? Math.Pow(10, a - p), axis.Max ?? Math.Pow(10, b + p));
        }

        double span = hi - lo;
        double min = axis.Min ?? (lo == 0 && HasBars(axes) ? 0 : lo - span * pad);
        double max = axis.Max ?? hi + span * pad;
        return (min, max);
    }

    private static bool HasBars(Axes axes)
    {
        foreach (Series s in axes.Series)
        {
            if (s is BarSeries)
            {
                return true;
            }
        }

        return false;
    }
}
