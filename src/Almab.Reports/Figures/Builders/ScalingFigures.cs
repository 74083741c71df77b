using System.Globalization;
using ScottPlot;

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
    public static ChartGrid Speedup(IReadOnlyList<string> cases, double[] k, double[][] speedup, double fitMaxK = double.PositiveInfinity, FigureOptions? options = null, bool annotateLast = true)
    {
        options ??= new FigureOptions();
        ChartGrid grid = options.Grid(1);
        PlotSpeedup(grid.AddChart(), cases, k, speedup, fitMaxK, annotateLast);
        return grid;
    }

    /// <summary>Fills <paramref name="chart"/> (see <see cref="Speedup"/>); returns the fitted serial fractions.</summary>
    public static double[] PlotSpeedup(Chart chart, IReadOnlyList<string> cases, double[] k, double[][] speedup, double fitMaxK = double.PositiveInfinity, bool annotateLast = true)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(k);
        BuilderChecks.SameCount(cases, speedup, nameof(speedup));
        double kMax = Math.Max(1, k.Length == 0 ? 1 : k.Max());
        chart.Line([1, kMax], [1, kMax], "Ideal (S = K)", ChartPalette.Black, LinePattern.Dotted, 1.5f);
        var fitted = new double[cases.Count];
        for (int c = 0; c < cases.Count; c++)
        {
            if (speedup[c].Length != k.Length)
            {
                throw new ArgumentException($"Case '{cases[c]}' has {speedup[c].Length} speedups for {k.Length} values of K.", nameof(speedup));
            }

            int[] measured = [.. Enumerable.Range(0, k.Length).Where(i => double.IsFinite(speedup[c][i]))];
            double[] ks = [.. measured.Select(i => k[i])], ss = [.. measured.Select(i => speedup[c][i])];
            Color color = ChartPalette.Series(c);
            double p = AmdahlFit.SerialFraction(ks, ss, fitMaxK);
            fitted[c] = p;
            double[] fx = [.. Enumerable.Range(0, 100).Select(i => 1 + (kMax - 1) * i / 99.0)];
            string ptext = p.ToString("0.000", CultureInfo.InvariantCulture);
            chart.Line(fx, [.. fx.Select(x => AmdahlFit.Speedup(p, x))], $"{cases[c]}: Amdahl fit (p = {ptext})", color, LinePattern.Dashed, 1.5f);
            chart.Line(ks, ss, $"{cases[c]}: observed", color, marker: MarkerShape.FilledCircle);
            if (annotateLast && ks.Length > 0)
            {
                chart.Text(ks[^1], ss[^1], ss[^1].ToString("0.0", CultureInfo.InvariantCulture) + "×", color, 12, Alignment.LowerLeft, 7, -4);
            }
        }

        chart.XTicks(k).Labels("Workers K", "Speedup");
        chart.Title ??= double.IsPositiveInfinity(fitMaxK) ? "Speedup vs workers" : $"Speedup vs workers (Amdahl fitted to K ≤ {fitMaxK.ToString(CultureInfo.InvariantCulture)})";
        chart.Legend = ChartLegend.UpperLeft;
        return fitted;
    }
}
