using Almab.Reports.Statistics;

namespace Almab.Reports.Figures.Builders;

/// <summary>
/// Ablation bars (ALMAB-DC section 4.7, table 7): for each case (a group on the x axis) one bar per variant
/// showing the mean final metric with ± 1 sd error bars. final[v][c] holds variant v's replicates on case c. The groups
/// may be other settings of one case (e.g. the number of workers K), named by <c>groupLabel</c>.
/// </summary>
public static class AblationFigures
{
    /// <summary>Grouped bars of variant means per case (or per group), with standard-deviation error bars.</summary>
    public static ChartGrid Bars(IReadOnlyList<string> variants, IReadOnlyList<string> cases, double[][][] final, string yLabel, FigureOptions? options = null, string groupLabel = "Case")
    {
        ArgumentNullException.ThrowIfNull(cases);
        BuilderChecks.SameCount(variants, final, nameof(final));
        options ??= new FigureOptions();
        ChartGrid grid = options.Grid(1);
        Chart chart = grid.AddChart("Ablation (mean ± 1 sd)");
        var groups = new BarGroup[variants.Count];
        for (int v = 0; v < variants.Count; v++)
        {
            if (final[v].Length != cases.Count)
            {
                throw new ArgumentException($"Variant '{variants[v]}' has results for {final[v].Length} cases, expected {cases.Count}.", nameof(final));
            }

            double[] mean = new double[cases.Count], sd = new double[cases.Count];
            for (int c = 0; c < cases.Count; c++)
            {
                mean[c] = Descriptive.Mean(final[v][c]);
                sd[c] = final[v][c].Length > 1 ? Descriptive.StandardDeviation(final[v][c]) : double.NaN;
            }

            groups[v] = new BarGroup(variants[v], mean, ChartPalette.Series(v), sd);
        }

        chart.Bars(cases, groups).Labels(groupLabel, yLabel);
        return grid;
    }
}
