using System.Globalization;
using System.Text;
using Almab.Reports.Statistics;
using Almab.Experiments.Reporting;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// The outcome-modes table of a case whose emulator has a narrow global basin beside a broad deceptive one
/// (<see cref="Cases.OutcomeModesSpec"/>): for every K and method, the share of replicates whose final metric reached the
/// better mode (Wilson 95 % interval), a two-sided two-proportion z test of that share against the reference method
/// (Bonferroni over the other methods of the K), and the mean final metric within each mode. When outcomes are bimodal the
/// mean final metric is share × mean(better) + (1 − share) × mean(worse), so this table says whether a difference in means
/// comes from reaching the global basin more often or from refining better within a mode.
/// </summary>
public static class OutcomeModesReport
{
    /// <summary>Writes <c>modes.md</c> when the case declares outcome modes; returns its index line (none otherwise).</summary>
    public static IEnumerable<string> Write(ReportContext report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Definition.OutcomeModes is not { } modes)
        {
            yield break;
        }

        string markdown = Markdown(report, modes);
        if (markdown.Length == 0)
        {
            yield break;
        }

        File.WriteAllText(Path.Combine(report.Directory, "modes.md"), markdown);
        yield return $"- [modes.md](modes.md) — outcome modes: share of replicates whose final {report.Metric} reached the {modes.Better} "
            + $"(Wilson 95 % interval; two-sided two-proportion z test against {report.Reference}, Bonferroni per K) and the mean within each mode; "
            + "a bimodal emulator's mean is decided by that share.";
    }

    /// <summary>The table as Markdown (empty when no method has results at the main budget and noise).</summary>
    public static string Markdown(ReportContext report, Cases.OutcomeModesSpec modes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(modes);
        string beyond = report.LowerIsBetter ? "<" : ">";
        var text = new StringBuilder();
        text.AppendLine($"# Outcome modes of {report.Definition.Id} (N = {report.Budget}, σ = {G(report.Noise)})");
        text.AppendLine();
        text.AppendLine($"Better mode: {modes.Better} — final {report.Metric} {beyond} {G(modes.Threshold)}. Other mode: {modes.Worse}.");
        bool any = false;
        foreach (int k in report.Workers)
        {
            var methods = report.Methods.Where(m => report.Cell(m, k).Count > 0).ToList();
            if (methods.Count == 0)
            {
                continue;
            }

            any = true;
            var reached = methods.ToDictionary(m => m, m => report.Cell(m, k).Count(r => Reached(r.FinalMetric, modes.Threshold, report.LowerIsBetter)));
            var counts = methods.ToDictionary(m => m, m => report.Cell(m, k).Count);
            var others = methods.Where(m => m != report.Reference).ToList();
            bool hasReference = methods.Contains(report.Reference);
            text.AppendLine();
            text.AppendLine($"## K = {k}");
            text.AppendLine();
            text.AppendLine($"| method | n | reached the better mode [Wilson 95 %] | p vs {report.Reference} (two-sided, Bonferroni × {others.Count}) | mean in better mode | mean in other mode | mean final |");
            text.AppendLine("|---|---:|---|---:|---:|---:|---:|");
            foreach (string method in methods)
            {
                var cell = report.Cell(method, k);
                var share = Proportions.Wilson(reached[method], counts[method]);
                string p = "–";
                if (hasReference && method != report.Reference)
                {
                    var test = Proportions.TwoProportionZTest(reached[method], counts[method], reached[report.Reference], counts[report.Reference]);
                    p = double.IsNaN(test.PValue) ? "–" : ReportText.P(Math.Min(1, test.PValue * others.Count));
                }

                string Mean(bool better)
                {
                    var values = cell.Where(r => Reached(r.FinalMetric, modes.Threshold, report.LowerIsBetter) == better).Select(r => r.FinalMetric).ToList();
                    return values.Count == 0 ? "–" : G(values.Average());
                }

                string name = method == report.Reference ? $"{method} (ref.)" : method;
                text.AppendLine($"| {name} | {counts[method]} | {share.Estimate:0.000} [{share.Lower:0.000}, {share.Upper:0.000}] | {p} | {Mean(true)} | {Mean(false)} | {G(cell.Average(r => r.FinalMetric))} |");
            }
        }

        return any ? text.ToString() : "";
    }

    /// <summary>True when <paramref name="final"/> lies beyond <paramref name="threshold"/> in the better direction.</summary>
    public static bool Reached(double final, double threshold, bool lowerIsBetter) => lowerIsBetter ? final < threshold : final > threshold;

    private static string G(double v) => v.ToString("G5", CultureInfo.InvariantCulture);
}
