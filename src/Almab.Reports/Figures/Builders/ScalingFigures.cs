using System.Globalization;
using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Builders;

/// <summary>
/// Speedup against the number of workers K (ALMAB-DC figure 6 and 13b): observed speedups with markers, the ideal
/// S = K line, and per case a dashed Amdahl curve fitted to the points with K ≤ fitMaxK, labelled with its p.
/// The observed value at the largest K is written beside its point (unless <c>annotateLast</c> is false, e.g. for many
/// curves whose labels would overlap).
/// </summary>
public static class ScalingFigures
{
    /// <summary>speedup[c][i] is case c's speedup at k[i] workers (NaN where not measured).</summary>
    public static Figure Speedup(IReadOnlyList<string> cases, double[] k, double[][] speedup, double fitMaxK = double.PositiveInfinity, FigureOptions? options = null, bool annotateLast = true)
    {
        options ??= new FigureOptions();
        var fig = new Figure(options.Width(1), options.Height(), options.Title);
        PlotSpeedup(fig.AddAxes(), cases, k, speedup, fitMaxK, annotateLast);
        return fig;
    }

    /// <summary>Fills <paramref name="axes"/> (see <see cref="Speedup"/>); returns the fitted serial fractions.</summary>
    public static double[] PlotSpeedup(Axes axes, IReadOnlyList<string> cases, double[] k, double[][] speedup, double fitMaxK = double.PositiveInfinity, bool annotateLast = true)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(k);
        BuilderChecks.SameCount(cases, speedup, nameof(speedup));
        double kMax = 1;
        foreach (double v in k)
        {
            kMax = Math.Max(kMax, v);
        }

        axes.Add(new LineSeries([1, kMax], [1, kMax], "Ideal (S = K)") { Color = Palette.Black, Style = LineStyle.Dotted, WidthPx = 1.5 });
        var fitted = new double[cases.Count];
        for (int c = 0; c < cases.Count; c++)
        {
            if (speedup[c].Length != k.Length)
            {
                throw new ArgumentException($"Case '{cases[c]}' has {speedup[c].Length} speedups for {k.Length} values of K.", nameof(speedup));
            }

            var ks = new List<double>();
            var ss = new List<double>();
            for (int i = 0; i < k.Length; i++)
            {
                if (double.IsFinite(speedup[c][i]))
                {
                    ks.Add(k[i]);
                    ss.Add(speedup[c][i]);
                }
            }

            Rgba color = Palette.Series(c);
            double p = AmdahlFit.SerialFraction([.. ks], [.. ss], fitMaxK);
            fitted[c] = p;
            const int n = 100;
            double[] fx = new double[n], fy = new double[n];
            for (int i = 0; i < n; i++)
            {
                fx[i] = 1 + (kMax - 1) * i / (n - 1);
                fy[i] = AmdahlFit.Speedup(p, fx[i]);
            }

            string ptext = p.ToString("0.000", CultureInfo.InvariantCulture);
            axes.Add(new LineSeries(fx, fy, $"{cases[c]}: Amdahl fit (p = {ptext})") { Color = color, Style = LineStyle.Dashed, WidthPx = 1.5 });
            axes.Add(new LineSeries([.. ks], [.. ss], $"{cases[c]}: observed") { Color = color, Marker = MarkerShape.Circle });
            if (annotateLast && ks.Count > 0)
            {
                axes.Annotate(new TextAnnotation(ks[^1], ss[^1], ss[^1].ToString("0.0", CultureInfo.InvariantCulture) + "×") { OffsetXPx = 7, OffsetYPx = -8, Color = color });
            }
        }

        axes.X.Ticks = k;
        axes.Labels("Workers K", "Speedup");
        axes.Title ??= double.IsPositiveInfinity(fitMaxK) ? "Speedup vs workers" : $"Speedup vs workers (Amdahl fitted to K ≤ {fitMaxK.ToString(CultureInfo.InvariantCulture)})";
        axes.Legend = LegendPlacement.TopLeft;
        return fitted;
    }
}
