using System.Globalization;
using ScottPlot;

namespace Almab.Reports.Figures.Builders;

/// <summary>
/// Convergence-rate analysis (ALMAB-DC section 4.8, figure 9): (a) mean best-so-far curves with dotted exponential
/// gap fits, (b) evaluations needed to first reach each threshold (bars at the budget, over the red budget line,
/// mean "not reached"; the second threshold is hatched), (c) the fitted rate λ per method with its R².
/// meanCurves[m][t] is method m's mean best-so-far after t + 1 evaluations.
/// </summary>
public static class ConvergenceRateFigures
{
    /// <summary>First evaluation (1-based) at which the curve reaches the threshold; -1 if never.</summary>
    public static int EvaluationsToThreshold(double[] curve, double threshold, OptimizationGoal goal)
    {
        ArgumentNullException.ThrowIfNull(curve);
        for (int t = 0; t < curve.Length; t++)
        {
            if (goal == OptimizationGoal.Maximize ? curve[t] >= threshold : curve[t] <= threshold)
            {
                return t + 1;
            }
        }

        return -1;
    }

    /// <summary>The three-panel figure 9.</summary>
    public static ChartGrid ConvergenceRate(IReadOnlyList<string> methods, double[][] meanCurves, double[] thresholds, double asymptote, OptimizationGoal goal, string yLabel, FigureOptions? options = null)
    {
        BuilderChecks.SameCount(methods, meanCurves, nameof(meanCurves));
        ArgumentNullException.ThrowIfNull(thresholds);
        options ??= new FigureOptions();
        ChartGrid grid = options.Grid(3);
        Chart a = grid.AddChart("(a) Mean best so far and fits");
        var fits = new ExponentialGapFit[methods.Count];
        int budget = 0;
        for (int m = 0; m < methods.Count; m++)
        {
            double[] t = CurveStatistics.Indices(meanCurves[m].Length);
            budget = Math.Max(budget, t.Length);
            fits[m] = ExponentialGapFit.Fit(t, meanCurves[m], asymptote, goal);
            Color color = ChartPalette.Series(m);
            a.Line(t, meanCurves[m], methods[m], color);
            a.Line(t, [.. t.Select(x => fits[m].Predict(x, asymptote, goal))], color: color, pattern: LinePattern.Dotted, width: 1.5f);
        }

        a.Labels("Evaluations", yLabel);

        var groups = new BarGroup[thresholds.Length];
        for (int h = 0; h < thresholds.Length; h++)
        {
            var evals = new double[methods.Count];
            for (int m = 0; m < methods.Count; m++)
            {
                int e = EvaluationsToThreshold(meanCurves[m], thresholds[h], goal);
                evals[m] = e < 0 ? budget : e;
            }

            groups[h] = new BarGroup((goal == OptimizationGoal.Maximize ? "≥ " : "≤ ") + thresholds[h].ToString(CultureInfo.InvariantCulture), evals,
                h == 0 ? ChartPalette.SkyBlue : ChartPalette.Blue, Hatched: h % 2 == 1, ValueFormat: "0");
        }

        Chart b = grid.AddChart("(b) Evaluations to threshold").Bars(methods, groups);
        b.HorizontalLine(budget, $"Budget N = {budget} (not reached)", ChartPalette.Vermillion, LinePattern.Solid, 2);
        b.Limits(yMin: 0, yMax: budget * 1.35).Labels(null, "Evaluations");
        b.Legend = ChartLegend.UpperLeft;

        double[] lambdas = [.. fits.Select(f => f.Lambda)];
        double lmax = lambdas.Length == 0 ? 0 : lambdas.Max();
        Chart c = grid.AddChart("(c) Convergence rate λ").Bars(methods, new BarGroup(null, lambdas, ChartPalette.BluishGreen, ValueFormat: "0.000"));
        for (int m = 0; m < methods.Count; m++)
        {
            c.Text(m, Math.Max(lambdas[m], 0), "R² = " + fits[m].RSquared.ToString("0.000", CultureInfo.InvariantCulture), size: 10, alignment: Alignment.LowerCenter, offsetY: -20);
        }

        c.Limits(yMax: lmax > 0 ? lmax * 1.3 : 1).Labels(null, "λ (per evaluation)");
        return grid;
    }
}
