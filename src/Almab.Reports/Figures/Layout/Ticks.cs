using System.Globalization;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Layout;

/// <summary>
/// Tick positions and labels. Linear axes use steps of 1, 2, 2.5 or 5 times a power of ten giving about
/// <c>target</c> ticks inside the limits; log10 axes use decades (with 2 and 5 in between when the range spans
/// less than two decades). Labels print just enough decimals for the step; negative numbers use U+2212.
/// </summary>
internal static class Ticks
{
    public static double[] Linear(double min, double max, int target)
    {
        for (int t = target; ; t++)
        {
            double[] ticks = LinearOnce(min, max, t);
            if (ticks.Length >= 2 || t >= target + 10)
            {
                return ticks;
            }
        }
    }

    private static double[] LinearOnce(double min, double max, int target)
    {
        double step = NiceStep((max - min) / Math.Max(1, target));
        double first = Math.Ceiling(min / step - 1e-9) * step;
        var ticks = new List<double>();
        for (int i = 0; ; i++)
        {
            double t = first + i * step;
            if (t > max + step * 1e-9)
            {
                break;
            }

            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return [.. ticks];
    }

    public static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw))
        {
            return 1;
        }

        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * mag;
    }

    /// <summary>Log ticks; min and max are data values (positive).</summary>
    public static double[] Log10(double min, double max)
    {
        int lo = (int)Math.Floor(Math.Log10(min) - 1e-9), hi = (int)Math.Ceiling(Math.Log10(max) + 1e-9);
        var ticks = new List<double>();
        int decadesInside = 0;
        for (int e = lo; e <= hi; e++)
        {
            double t = Math.Pow(10, e);
            if (t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9))
            {
                decadesInside++;
            }
        }

        double[] mantissas = decadesInside >= 2 ? [1] : [1, 2, 5];
        int stride = Math.Max(1, (hi - lo) / 8);
        for (int e = lo; e <= hi; e += mantissas.Length == 1 ? stride : 1)
        {
            foreach (double m in mantissas)
            {
                double t = m * Math.Pow(10, e);
                if (t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9))
                {
                    ticks.Add(t);
                }
            }
        }

        return [.. ticks];
    }

    public static string[] Labels(double[] ticks, AxisScale scale)
    {
        var labels = new string[ticks.Length];
        if (scale == AxisScale.Log10)
        {
            for (int i = 0; i < ticks.Length; i++)
            {
                int e = (int)Math.Floor(Math.Log10(ticks[i]) + 1e-9);
                labels[i] = e is >= -4 and <= 5
                    ? Format(ticks[i], Math.Max(0, -e))
                    : Minus((ticks[i] / Math.Pow(10, e)).ToString("0.#", CultureInfo.InvariantCulture) + "e" + e.ToString(CultureInfo.InvariantCulture));
            }

            return labels;
        }

        double step = ticks.Length > 1 ? ticks[1] - ticks[0] : ticks.Length == 1 && ticks[0] != 0 ? Math.Abs(ticks[0]) : 1;
        double maxAbs = 0;
        foreach (double t in ticks)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs(t));
        }

        bool scientific = maxAbs >= 1e6 || (maxAbs > 0 && maxAbs < 1e-4);
        int decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(step) - 1e-9));
        if (Math.Abs(step * Math.Pow(10, decimals) - Math.Round(step * Math.Pow(10, decimals))) > 1e-6)
        {
            decimals++;
        }

        for (int i = 0; i < ticks.Length; i++)
        {
            labels[i] = scientific
                ? Minus(ticks[i].ToString("0.##e0", CultureInfo.InvariantCulture))
                : Format(ticks[i], decimals);
        }

        return labels;
    }

    public static string Format(double v, int decimals) =>
        Minus(v.ToString("F" + Math.Min(decimals, 10).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    private static string Minus(string s) => s.Replace('-', '\u2212');
}
