using System.Text;
using Almab.Algorithms.Randomness;
using Almab.Reports.Data;
using Almab.Reports.Tables;
using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Claims;
using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Reporting;
using Almab.Experiments.Store;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// Writes a case's report folder: the summary table (Markdown, CSV, LaTeX) with the significance daggers against the
/// case's reference method (or the first method present when the database lacks it), every figure the stored data
/// supports (PNG + SVG), the claims check, and an <c>index.md</c> (with <c>index.html</c> beside it, <see cref="ReportIndex"/>) that links them with one-line captions saying what each shows and
/// which test was used.
/// </summary>
public static class ReportBundle
{
    /// <summary>Writes the bundle for every case in <paramref name="results"/>; returns the index files written. One-line notes go to <paramref name="notes"/>; <paramref name="root"/> is the run's root seed (to redraw replicate 0's objective).</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<ReplicateResult> results, Func<string, CaseDefinition> cases, string outputDirectory, ICollection<string> notes, Seed root)
    {
        // One case: the bundle goes straight into the folder; several: one subfolder per case.
        bool single = results.Select(r => r.Cell.CaseId).Distinct().Count() == 1;
        return Write(results, cases, id => single ? outputDirectory : Path.Combine(outputDirectory, id), notes, root);
    }

    private static IReadOnlyList<string> Write(IReadOnlyList<ReplicateResult> results, Func<string, CaseDefinition> cases, Func<string, string> caseDirectory, ICollection<string> notes, Seed root)
    {
        var written = new List<string>();
        foreach (var byCase in results.GroupBy(r => r.Cell.CaseId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var definition = cases(byCase.Key);
            string dir = caseDirectory(definition.Id);
            Directory.CreateDirectory(dir);
            var index = new StringBuilder();
            index.AppendLine($"# {definition.Title}");
            index.AppendLine();
            index.AppendLine($"Source: paper {definition.Source.Paper}, section {definition.Source.Section}{(definition.Source.Table is null ? "" : ", " + definition.Source.Table)}. Results: {byCase.Count()} replicates.");
            index.AppendLine();

            var list = byCase.ToList();
            var claims = ClaimsCatalog.AlmabDc.Where(c => c.Case == definition.Id).ToList();
            var report = new ReportContext(definition, list, CompareVerb.LowerIsBetter(definition.Id), dir, root, notes)
            {
                Thresholds = [.. claims.Where(c => c.Threshold is not null).Select(c => c.Threshold!.Value).Distinct()],
            };
            string metric = report.Metric;
            string reference = report.Reference;
            var records = list.Select(r => new ReplicateRecord(r.Cell.CaseId, r.Cell.Method, r.Cell.Workers, r.Cell.Budget, r.Cell.Noise,
                r.Cell.Replicate, r.FinalMetric, r.CumulativeRegret, r.MakespanSeconds, r.ComputeSeconds)).ToList();
            var table = SummaryTable.Build(records, reference, metric, report.LowerIsBetter);
            File.WriteAllText(Path.Combine(dir, "summary.md"), MarkdownSummaryRenderer.Render(table));
            File.WriteAllText(Path.Combine(dir, "summary.csv"), CsvSummaryRenderer.Render(table));
            File.WriteAllText(Path.Combine(dir, "summary.tex"), LatexSummaryRenderer.Render(table));
            index.AppendLine("## Tables");
            index.AppendLine();
            index.AppendLine($"- [summary.md](summary.md) ([csv](summary.csv), [LaTeX](summary.tex)) — final {metric} per method, K, budget and noise: mean ± sd, median [IQR], cumulative regret, virtual and real time; † / †† = two-sided Mann–Whitney U against {reference}, Bonferroni-adjusted p < 0.05 / 0.01.");
            foreach (string line in OutcomeModesReport.Write(report))
            {
                index.AppendLine(line);
            }

            index.AppendLine();
            index.AppendLine("## Figures");
            index.AppendLine();
            index.AppendLine($"Methods in this database: {string.Join(", ", report.Methods)}. Main cell: N = {report.Budget}, σ = {ReportText.G(report.Noise)}, K = {ReportText.List(report.Workers)}.");
            index.AppendLine();
            foreach (string line in Figures(report))
            {
                index.AppendLine(line);
            }

            index.AppendLine();
            var evaluator = new ClaimEvaluator(list, id => id == definition.Id ? definition : null);
            var verdicts = claims.Select(evaluator.Evaluate).ToList();
            if (verdicts.Count > 0)
            {
                File.WriteAllText(Path.Combine(dir, "claims.md"), ClaimsVerb.Markdown(verdicts));
                index.AppendLine("## Claims");
                index.AppendLine();
                index.AppendLine($"- [claims.md](claims.md) — every number the paper states for this case beside Almab's value and 95 % CI, with a verdict and its reason.");
                index.AppendLine();
            }

            if (!definition.ProtocolNotes.IsDefaultOrEmpty)
            {
                index.AppendLine("## Protocol notes (our readings where the paper is silent)");
                index.AppendLine();
                foreach (string note in definition.ProtocolNotes)
                {
                    index.AppendLine($"- {note}");
                }
            }

            written.Add(ReportIndex.Write(dir, index.ToString()));
        }

        return written;
    }

    /// <summary>Every figure the stored data supports, in reading order; each yields its index.md line.</summary>
    public static IEnumerable<string> Figures(ReportContext report) =>
        CaseFigures.Write(report)
            .Concat(RegretReport.Write(report))
            .Concat(ThresholdReport.Write(report))
            .Concat(AblationReport.Write(report))
            .Concat(SensitivityReport.Write(report))
            .Concat(RankingReport.Write(report))
            .Concat(MethodSpeedupReport.Write(report));
}
