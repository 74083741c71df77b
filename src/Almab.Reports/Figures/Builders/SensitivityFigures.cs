using System.Globalization;
using Almab.Reports.Statistics;
using ScottPlot;

namespace Almab.Reports.Figures.Builders;

/// <summary>
/// Budget sensitivity (ALMAB-DC figure 8) and noise robustness (figure 10): the final metric (mean ± 1 sd over
/// replicates) against the budget N or the noise level σ, with a right panel showing respectively one method's
/// advantage over another and each method's change relative to the first (clean) noise level.
/// final[m][j] holds the replicates of method m at level j.
/// </summary>
public static class SensitivityFigures
{
    /// <summary>
    /// Figure 8: left, metric vs budget; right (when both indices ≥ 0), the advantage of method a over method b: mean of a
    /// minus mean of b, or b minus a when <paramref name="lowerIsBetter"/> (so a positive bar always favours a).
    /// </summary>
    public static ChartGrid Budget(IReadOnlyList<string> methods, double[] budgets, double[][][] final, string yLabel, int advantageOf = -1, int over = -1, FigureOptions? options = null, bool lowerIsBetter = false)
    {
        options ??= new FigureOptions();
        bool right = advantageOf >= 0 && over >= 0;
        ChartGrid grid = options.Grid(right ? 2 : 1);
        double[][] means = PlotLevels(grid.AddChart("Final metric vs budget"), methods, budgets, final, "Evaluation budget N", yLabel);
        if (right)
        {
            if (advantageOf >= methods.Count || over >= methods.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(advantageOf), $"Method indices {advantageOf} and {over} must be below {methods.Count}.");
            }

            var diff = new double[budgets.Length];
            var cats = new string[budgets.Length];
            for (int j = 0; j < budgets.Length; j++)
            {
                diff[j] = (lowerIsBetter ? -1 : 1) * (means[advantageOf][j] - means[over][j]);
                cats[j] = "N = " + budgets[j].ToString(CultureInfo.InvariantCulture);
            }

            Chart chart = grid.AddChart($"Advantage of {methods[advantageOf]} over {methods[over]}");
            chart.Bars(cats, new BarGroup(null, diff, ChartPalette.Series(advantageOf), ValueFormat: "0.000"));
            chart.HorizontalLine(0, pattern: LinePattern.Solid, width: 1);
            chart.Labels("Evaluation budget", lowerIsBetter ? "Mean of " + methods[over] + " − mean of " + methods[advantageOf] : "Difference of means");
        }

        return grid;
    }

    /// <summary>Figure 10: left, metric vs noise level; right, change of each method's mean relative to level 0.</summary>
    public static ChartGrid Noise(IReadOnlyList<string> methods, double[] noiseLevels, double[][][] final, string yLabel, string xLabel = "Observation noise σ", FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(noiseLevels);
        options ??= new FigureOptions();
        ChartGrid grid = options.Grid(2);
        double[][] means = PlotLevels(grid.AddChart("Final metric vs noise"), methods, noiseLevels, final, xLabel, yLabel);
        var cats = new string[noiseLevels.Length - 1];
        for (int j = 1; j < noiseLevels.Length; j++)
        {
            cats[j - 1] = "σ = " + noiseLevels[j].ToString(CultureInfo.InvariantCulture);
        }

        var groups = new BarGroup[methods.Count];
        for (int m = 0; m < methods.Count; m++)
        {
            var d = new double[cats.Length];
            for (int j = 1; j < noiseLevels.Length; j++)
            {
                d[j - 1] = means[m][j] - means[m][0];
            }

            groups[m] = new BarGroup(methods[m], d, ChartPalette.Series(m));
        }

        Chart chart = grid.AddChart("Change relative to the first noise level").Bars(cats, groups);
        chart.HorizontalLine(0, pattern: LinePattern.Solid, width: 1);
        chart.Labels(xLabel, "Change of mean");
        return grid;
    }

    /// <summary>Mean ± 1 sd lines with markers against numeric levels; returns the means [method][level].</summary>
    public static double[][] PlotLevels(Chart chart, IReadOnlyList<string> methods, double[] levels, double[][][] final, string xLabel, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(levels);
        BuilderChecks.SameCount(methods, final, nameof(final));
        var means = new double[methods.Count][];
        for (int m = 0; m < methods.Count; m++)
        {
            if (final[m].Length != levels.Length)
            {
                throw new ArgumentException($"'{methods[m]}' has {final[m].Length} levels of results for {levels.Length} levels.", nameof(final));
            }

            double[] mean = new double[levels.Length], lo = new double[levels.Length], hi = new double[levels.Length];
            for (int j = 0; j < levels.Length; j++)
            {
                double[] v = final[m][j];
                mean[j] = Descriptive.Mean(v);
                double sd = v.Length > 1 ? Descriptive.StandardDeviation(v) : 0;
                (lo[j], hi[j]) = (mean[j] - sd, mean[j] + sd);
            }

            means[m] = mean;
            Color color = ChartPalette.Series(m);
            chart.Band(levels, lo, hi, color, 0.15);
            chart.Line(levels, mean, methods[m], color, marker: MarkerShape.FilledCircle);
        }

        chart.Labels(xLabel, yLabel);
        return means;
    }
}
