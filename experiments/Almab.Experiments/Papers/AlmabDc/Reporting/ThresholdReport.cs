using Almab.Reports.Figures.Builders;
using Almab.Reports.Figures;
using Almab.Reports.Statistics;
using Almab.Experiments.Reporting;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// Convergence-rate analysis (ALMAB-DC section 3.7, figure 9) for a case with a stated metric threshold (case 5: IPV ≤
/// 0.11): mean curves with exponential gap fits, evaluations until the mean curve first reaches each threshold, and the
/// fitted rate λ with its R², every method at the smallest K; the caption tests the per-replicate evaluations to the
/// threshold of the reference method against each other method.
/// </summary>
public static class ThresholdReport
{
    /// <summary>Writes <c>convergence-rate.svg/png</c> when the case has a threshold; returns its index line.</summary>
    public static IEnumerable<string> Write(ReportContext report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var methods = report.Methods.Where(m => report.Cell(m, report.KMin).Count > 0).ToList();
        if (report.Thresholds.Count == 0 || methods.Count == 0)
        {
            yield break;
        }

        var cells = methods.Select(m => report.Cell(m, report.KMin)).ToList();
        int n = cells.Min(c => c.Min(r => r.Evaluations.Length));
        double[][] mean = [.. cells.Select(c => MeanCurve(c, n))];
        var goal = report.LowerIsBetter ? OptimizationGoal.Minimize : OptimizationGoal.Maximize;
        bool nonNegative = cells.All(c => c.All(r => r.Evaluations.All(e => e.Metric >= 0)));
        var finals = cells.SelectMany(c => c.Select(r => r.FinalMetric)).ToList();
        double asymptote = report.LowerIsBetter && nonNegative ? 0 : report.LowerIsBetter ? finals.Min() : finals.Max();
        if (n < 2 || mean.Any(curve => curve.Count(v => (report.LowerIsBetter ? v - asymptote : asymptote - v) > 0) < 2))
        {
            yield break; // no exponential gap fit possible
        }

        var thresholds = report.Thresholds.Order().ToArray();
        var figure = ConvergenceRateFigures.ConvergenceRate(methods, mean, thresholds, asymptote, goal, $"Mean {report.Metric}",
            new FigureOptions(1500, 540, $"{report.Definition.Id}: convergence rate (K = {report.KMin}, N = {report.Budget})"));
        figure.Charts[0].Title = $"(a) Mean {report.Metric} and exponential fits"; // the metric, not a best-so-far value
        string cmp = report.LowerIsBetter ? "≤" : "≥";
        var tests = new List<string>();
        var others = methods.Where(m => m != report.Reference).ToList();
        foreach (double threshold in thresholds)
        {
            double[] Reach(List<ReplicateResult> cell) => [.. cell.Select(r => (double)EvaluationsTo(r, threshold, report.LowerIsBetter, n))];
            var reference = Reach(cells[methods.IndexOf(report.Reference)]);
            var p = ReportStatistics.BonferroniMannWhitney(reference, [.. others.Select(m => (IReadOnlyList<double>)Reach(cells[methods.IndexOf(m)]))], Alternative.Less);
            if (others.Count > 0)
            {
                tests.Add($"{cmp} {ReportText.G(threshold)}: " + string.Join(", ", others.Select((m, i) => $"{m} p = {ReportText.P(p[i])}")));
            }
        }

        string test = others.Count == 0
            ? "no test (one method)"
            : $"one-sided Mann–Whitney U (reference {report.Reference} reaches it sooner) on the per-replicate evaluations to the threshold (never reached = {n + 1}), Bonferroni × {others.Count}: {string.Join("; ", tests)}";
        yield return report.Save(figure, "convergence-rate",
            $"convergence rate (ALMAB-DC §3.7, Figure 9) at K = {report.KMin}: (a) mean {report.Metric} per evaluation with least-squares fits of log|mean − {ReportText.G(asymptote)}| = log C − λ t (dotted), "
            + $"(b) evaluations until the mean curve first reaches {report.Metric} {cmp} {string.Join(" / ", thresholds.Select(t => ReportText.G(t)))} (the threshold the paper states; a bar at the red line = not reached within {n}), (c) fitted λ with R²; {test}.");
    }

    /// <summary>Mean of the metric after each of the first <paramref name="n"/> evaluations, across replicates.</summary>
    public static double[] MeanCurve(IReadOnlyList<ReplicateResult> cell, int n)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var curve = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            foreach (var r in cell)
            {
                s += r.Evaluations[i].Metric;
            }

            curve[i] = s / cell.Count;
        }

        return curve;
    }

    /// <summary>First evaluation (1-based) after which the replicate's metric reaches the threshold; <paramref name="n"/> + 1 if never within n.</summary>
    public static int EvaluationsTo(ReplicateResult replicate, double threshold, bool lowerIsBetter, int n)
    {
        ArgumentNullException.ThrowIfNull(replicate);
        for (int i = 0; i < Math.Min(n, replicate.Evaluations.Length); i++)
        {
            double v = replicate.Evaluations[i].Metric;
            if (lowerIsBetter ? v <= threshold : v >= threshold)
            {
                return i + 1;
            }
        }

        return n + 1;
    }
}
