using System.Globalization;
using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

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
    public static Figure ConvergenceRate(IReadOnlyList<string> methods, double[][] meanCurves, double[] thresholds, double asymptote, OptimizationGoal goal, string yLabel, FigureOptions? options = null)
    {
        BuilderChecks.SameCount(methods, meanCurves, nameof(meanCurves));
        ArgumentNullException.ThrowIfNull(thresholds);
        options ??= new FigureOptions();
        var fig = new Figure(options.Width(3), options.Height(), options.Title);
        Axes a = fig.AddAxes("(a) Mean best so far and fits");
        var fits = new ExponentialGapFit[methods.Count];
        int budget = 0;
        for (int m = 0; m < methods.Count; m++)
        {
            double[] t = CurveStatistics.Indices(meanCurves[m].Length);
            budget = Math.Max(budget, t.Length);
            fits[m] = ExponentialGapFit.Fit(t, meanCurves[m], asymptote, goal);
            var fy = new double[t.Length];
            for (int i = 0; i < t.Length; i++)
            {
                fy[i] = fits[m].Predict(t[i], asymptote, goal);
            }

            Rgba color = Palette.Series(m);
            a.Add(new LineSeries(t, meanCurves[m], methods[m]) { Color = color });
            a.Add(new LineSeries(t, fy) { Color = color, Style = LineStyle.Dotted, WidthPx = 1.5 });
        }

        a.Labels("Evaluations", yLabel);

        Axes b = fig.AddAxes("(b) Evaluations to threshold");
        b.X.Categories = methods;
        for (int h = 0; h < thresholds.Length; h++)
        {
            var evals = new double[methods.Count];
            for (int m = 0; m < methods.Count; m++)
            {
                int e = EvaluationsToThreshold(meanCurves[m], thresholds[h], goal);
                evals[m] = e < 0 ? budget : e;
            }

            b.Add(new BarSeries(evals, (goal == OptimizationGoal.Maximize ? "≥ " : "≤ ") + thresholds[h].ToString(CultureInfo.InvariantCulture))
            {
                Color = h == 0 ? Palette.SkyBlue : Palette.Blue,
                Hatched = h % 2 == 1,
                ValueFormat = "0",
            });
        }

        b.Add(new ReferenceLine(false, budget, $"Budget N = {budget} (not reached)") { Color = Palette.Vermillion });
        b.Y.Min = 0;
        b.Y.Max = budget * 1.2;
        b.Labels(null, "Evaluations");
        b.Legend = LegendPlacement.TopLeft;

        Axes c = fig.AddAxes("(c) Convergence rate λ");
        c.X.Categories = methods;
        var lambdas = new double[methods.Count];
        double lmax = 0;
        for (int m = 0; m < methods.Count; m++)
        {
            lambdas[m] = fits[m].Lambda;
            lmax = Math.Max(lmax, lambdas[m]);
        }

        c.Add(new BarSeries(lambdas) { Color = Palette.BluishGreen, ValueFormat = "0.000" });
        for (int m = 0; m < methods.Count; m++)
        {
            c.Annotate(new TextAnnotation(m, Math.Max(lambdas[m], 0), "R² = " + fits[m].RSquared.ToString("0.000", CultureInfo.InvariantCulture)) { Align = TextAlign.Center, OffsetYPx = -27, SizePx = 10 });
        }

        c.Y.Max = lmax > 0 ? lmax * 1.3 : 1;
        c.Labels(null, "λ (per evaluation)");
        c.Legend = LegendPlacement.None;
        return fig;
    }
}
