using Almab.Reports.Figures.Builders;
using Almab.Reports.Statistics;
using Almab.Experiments.Reporting;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// Budget sensitivity (ALMAB-DC section 3.6, figure 8) when the database holds more than one budget, and noise
/// robustness (section 3.8, figure 10) when it holds more than one noise level; both at the smallest K, over the
/// methods present at every level.
/// </summary>
public static class SensitivityReport
{
    /// <summary>Writes <c>budget-sensitivity</c> and <c>noise-robustness</c> as the data allow; returns their index lines.</summary>
    public static IEnumerable<string> Write(ReportContext report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Budgets.Count > 1 && Complete(report, report.Budgets.Select(b => (b, report.Noise)).ToList()) is { Count: > 0 } byBudget)
        {
            yield return Budget(report, byBudget);
        }

        if (report.NoiseLevels.Count > 1 && Complete(report, report.NoiseLevels.Select(s => (report.Budget, s)).ToList()) is { Count: > 0 } byNoise)
        {
            yield return Noise(report, byNoise);
        }
    }

    private static string Budget(ReportContext report, List<string> methods)
    {
        var budgets = report.Budgets;
        double[][][] final = Finals(report, methods, [.. budgets.Select(b => (b, report.Noise))]);
        int reference = methods.IndexOf(report.Reference);
        int competitor = -1;
        if (reference >= 0 && methods.Count > 1)
        {
            // The strongest other method at the largest budget: the paper's figure 8 plots ALMAB-DC against its closest rival.
            var last = Enumerable.Range(0, methods.Count).Where(m => m != reference).Select(m => (m, Mean: final[m][^1].Average()));
            competitor = (report.LowerIsBetter ? last.MinBy(t => t.Mean) : last.MaxBy(t => t.Mean)).m;
        }

        var figure = SensitivityFigures.Budget(methods, [.. budgets.Select(b => (double)b)], final, $"Final {report.Metric}", reference, competitor,
            new FigureOptions(competitor >= 0 ? 1300 : 800, 520, $"{report.Definition.Id}: budget sensitivity (K = {report.KMin}, σ = {ReportText.G(report.Noise)})"), report.LowerIsBetter);
        string test = "no test (one method)";
        if (competitor >= 0)
        {
            var p = ReportStatistics.BonferroniMannWhitney([.. budgets.Select((_, j) => ((IReadOnlyList<double>)final[reference][j], (IReadOnlyList<double>)final[competitor][j]))]);
            test = $"two-sided Mann–Whitney U of {methods[reference]} against {methods[competitor]} (the best other method at N = {budgets[^1]}) at each budget, Bonferroni × {budgets.Count}: "
                + string.Join(", ", budgets.Select((b, j) => $"N = {b} p = {ReportText.P(p[j])}"));
        }

        return report.Save(figure, "budget-sensitivity",
            $"budget sensitivity (ALMAB-DC §3.6, Figure 8): mean ± 1 sd of the final {report.Metric} against the budget N = {ReportText.List(budgets)}"
            + (competitor >= 0 ? $", and the advantage of {methods[reference]} over {methods[competitor]}" : "") + $"; {test}.");
    }

    private static string Noise(ReportContext report, List<string> methods)
    {
        var levels = report.NoiseLevels;
        double[][][] final = Finals(report, methods, [.. levels.Select(s => (report.Budget, s))]);
        var figure = SensitivityFigures.Noise(methods, [.. levels], final, $"Final {report.Metric}",
            options: new FigureOptions(1300, 520, $"{report.Definition.Id}: noise robustness (K = {report.KMin}, N = {report.Budget})"));
        var p = ReportStatistics.BonferroniMannWhitney([.. methods.Select((_, m) => ((IReadOnlyList<double>)final[m][^1], (IReadOnlyList<double>)final[m][0]))]);
        return report.Save(figure, "noise-robustness",
            $"noise robustness (ALMAB-DC §3.8, Figure 10): mean ± 1 sd of the final {report.Metric} against the observation noise σ = {ReportText.List(levels)}, and each method's change of mean from σ = {ReportText.G(levels[0])}; "
            + $"two-sided Mann–Whitney U of each method at σ = {ReportText.G(levels[^1])} against σ = {ReportText.G(levels[0])}, Bonferroni × {methods.Count}: "
            + string.Join(", ", methods.Select((m, i) => $"{m} p = {ReportText.P(p[i])}")) + ".");
    }

    /// <summary>Methods (report order) with at least two replicates at K = KMin in every (budget, noise) level.</summary>
    private static List<string> Complete(ReportContext report, List<(int Budget, double Noise)> levels) =>
        [.. report.Methods.Where(m => levels.All(l => report.Cell(m, report.KMin, l.Budget, l.Noise).Count >= 2))];

    private static double[][][] Finals(ReportContext report, List<string> methods, List<(int Budget, double Noise)> levels) =>
        [.. methods.Select(m => levels.Select(l => report.Cell(m, report.KMin, l.Budget, l.Noise).Select(r => r.FinalMetric).ToArray()).ToArray())];
}
