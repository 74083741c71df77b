using Almab.Reports.Figures.Builders;
using Almab.Experiments.Reporting;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// The ablation of ALMAB-DC section 3.5 (Table 7): the full method (almab-dc-ucb) beside whichever of its ablations the
/// database holds (almab-dc-no-mab = AL without the bandit layer, almab-dc-no-al = bandit without AL, pure-bo = GP-UCB
/// without the arm-diversity layer), mean final metric ± 1 sd per K, with Mann–Whitney tests against the full method.
/// </summary>
public static class AblationReport
{
    /// <summary>The full method the ablations are compared with.</summary>
    public const string Full = "almab-dc-ucb";

    /// <summary>The ablated variants, in drawing order.</summary>
    public static readonly IReadOnlyList<string> Ablations = ["almab-dc-no-mab", "almab-dc-no-al", "pure-bo"];

    /// <summary>Writes <c>ablation.svg/png</c> when the full method and at least one ablation share a K; returns its index line.</summary>
    public static IEnumerable<string> Write(ReportContext report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var variants = new List<string> { Full };
        variants.AddRange(Ablations.Where(a => report.Methods.Contains(a)));
        var ks = report.Workers.Where(k => variants.All(v => report.Cell(v, k).Count > 0)).ToList();
        if (variants.Count < 2 || !report.Methods.Contains(Full) || ks.Count == 0)
        {
            yield break;
        }

        double[][][] final = [.. variants.Select(v => ks.Select(k => report.Cell(v, k).Select(r => r.FinalMetric).ToArray()).ToArray())];
        var figure = AblationFigures.Bars(variants, [.. ks.Select(k => $"K = {k}")], final, $"Final {report.Metric}",
            new FigureOptions(Math.Min(1400, 500 + 160 * ks.Count * variants.Count / 2), 520, $"{report.Definition.Id}: ablation of {Full}, N = {report.Budget}"),
            groupLabel: "Workers K");
        var tests = new List<string>();
        for (int i = 0; i < ks.Count; i++)
        {
            var p = ReportStatistics.BonferroniMannWhitney(final[0][i], [.. variants.Skip(1).Select((_, v) => (IReadOnlyList<double>)final[v + 1][i])]);
            tests.Add($"K = {ks[i]}: " + string.Join(", ", variants.Skip(1).Select((v, j) => $"{v} p = {ReportText.P(p[j])}")));
        }

        yield return report.Save(figure, "ablation",
            $"ablation (ALMAB-DC §3.5): mean ± 1 sd of the final {report.Metric} of {Full} and its ablations at N = {report.Budget}, σ = {ReportText.G(report.Noise)}; "
            + $"two-sided Mann–Whitney U of each ablation against {Full}, Bonferroni × {variants.Count - 1} per K — {string.Join("; ", tests)}.");
    }
}
