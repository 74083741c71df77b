using Almab.Reports.Figures.Builders;
using Almab.Reports.Statistics;
using Almab.Experiments.Reporting;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// Ranks three or more methods across the case's grid cells (Demšar 2006): a Friedman test with the stored
/// (K, budget, noise) cells as blocks — in the usual grid the K values — and the Nemenyi critical-difference diagram.
/// The value of a method in a block is its median final metric over replicates; rank 1 is the best.
/// </summary>
public static class RankingReport
{
    /// <summary>Family-wise level of the Nemenyi critical difference.</summary>
    public const double Alpha = 0.05;

    /// <summary>Writes <c>critical-difference.svg/png</c> when ≥ 3 methods share ≥ 2 cells; returns its index line.</summary>
    public static IEnumerable<string> Write(ReportContext report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var methods = report.Methods;
        var blocks = report.Results.Select(r => (r.Cell.Workers, r.Cell.Budget, r.Cell.Noise)).Distinct()
            .Where(b => methods.All(m => report.Cell(m, b.Workers, b.Budget, b.Noise).Count > 0))
            .OrderBy(b => b.Budget).ThenBy(b => b.Noise).ThenBy(b => b.Workers).ToList();
        if (methods.Count < 3 || blocks.Count < 2)
        {
            yield break;
        }

        double sign = report.LowerIsBetter ? 1 : -1; // Friedman ranks the smallest value 1
        var table = blocks.Select(b => (IReadOnlyList<double>)[.. methods.Select(m =>
            sign * Median([.. report.Cell(m, b.Workers, b.Budget, b.Noise).Select(r => r.FinalMetric)]))]).ToList();
        var friedman = Friedman.Test(table);
        var nemenyi = Nemenyi.Test(friedman, Alpha);
        string what = Describe(blocks);
        // With few blocks the chi-square approximation is poor; the exact permutation p is given when it exists.
        double p = friedman.ExactPValue ?? friedman.PValue;
        string pText = friedman.ExactPValue is double exact
            ? $"p = {ReportText.P(exact)} (exact permutation distribution; chi-square approximation {ReportText.P(friedman.PValue)})"
            : $"p = {ReportText.P(friedman.PValue)} (chi-square approximation)";
        var figure = CriticalDifferenceFigures.Diagram(methods, [.. friedman.MeanRanks], nemenyi.CriticalDifference,
            new FigureOptions(WidthPx: 900, Title: $"{report.Definition.Id}: mean ranks over {blocks.Count} blocks, Friedman p = {ReportText.P(p)}, Nemenyi CD = {ReportText.G(nemenyi.CriticalDifference)}"));
        string ranks = string.Join(", ", methods.Select((m, i) => $"{m} {ReportText.G(friedman.MeanRanks[i])}"));
        yield return report.Save(figure, "critical-difference",
            $"ranking of the {methods.Count} methods: Friedman test with the {blocks.Count} blocks = {what} (value per block: median final {report.Metric} over replicates, rank 1 = best): "
            + $"χ² = {ReportText.G(friedman.Statistic)}, df = {methods.Count - 1}, {pText}; mean ranks {ranks}; "
            + $"Nemenyi critical difference at α = {ReportText.G(Alpha)}: CD = {ReportText.G(nemenyi.CriticalDifference)} (methods joined by a bar do not differ significantly).");
    }

    private static string Describe(List<(int Workers, int Budget, double Noise)> blocks)
    {
        var ks = blocks.Select(b => b.Workers).Distinct().ToList();
        var ns = blocks.Select(b => b.Budget).Distinct().ToList();
        var ss = blocks.Select(b => b.Noise).Distinct().ToList();
        if (ns.Count == 1 && ss.Count == 1)
        {
            return $"the K values K = {ReportText.List(ks)} at N = {ns[0]}, σ = {ReportText.G(ss[0])}";
        }

        if (ks.Count == 1 && ss.Count == 1)
        {
            return $"the budgets N = {ReportText.List(ns)} at K = {ks[0]}, σ = {ReportText.G(ss[0])}";
        }

        if (ks.Count == 1 && ns.Count == 1)
        {
            return $"the noise levels σ = {ReportText.List(ss)} at K = {ks[0]}, N = {ns[0]}";
        }

        return $"the (K, N, σ) cells with K in {{{ReportText.List(ks)}}}, N in {{{ReportText.List(ns)}}}, σ in {{{ReportText.List(ss)}}}";
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return Descriptive.Percentile(values, 50);
    }
}
