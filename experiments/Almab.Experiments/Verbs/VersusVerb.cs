using System.CommandLine;
using System.Globalization;
using Almab.Experiments.Cli;
using Almab.Experiments.Reporting;
using Almab.Experiments.Store;
using Almab.Reports.Statistics;

namespace Almab.Experiments.Verbs;

/// <summary>
/// <c>almab versus &lt;results.db&gt;... --reference tpe</c>: every method beside a reference method, cell by cell (case,
/// K, budget, noise), in one table: replicates, median final metric of both, the two-sided Mann–Whitney p (same seeds:
/// common random numbers; Bonferroni-adjusted over the table's rows) and the real milliseconds per trial the
/// coordinator spent in ask (its share) plus tell, median and 95th percentile over all evaluations. For an external
/// optimizer that time includes the round trip to its process: what a user of the bridge pays.
/// </summary>
public sealed class VersusVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var inputs = new Argument<string[]>("databases") { Description = "Results databases.", Arity = ArgumentArity.OneOrMore };
        var reference = new Option<string>("--reference") { Description = "The method every other is compared with.", DefaultValueFactory = _ => "tpe" };
        var command = new Command("versus", "Each method beside a reference method: quality (Mann–Whitney, same seeds) and ask+tell latency.") { inputs, reference };
        command.SetAction(parse =>
        {
            string refMethod = parse.GetValue(reference)!;
            var results = new List<ReplicateResult>();
            foreach (string path in parse.GetValue(inputs)!)
            {
                if (!File.Exists(path))
                {
                    throw new UsageException($"results database not found: {path}");
                }

                using var store = MergeVerb.OpenStore(path, create: false);
                results.AddRange(store.ReadAll());
            }

            var cells = results.GroupBy(r => (r.Cell.CaseId, r.Cell.Workers, r.Cell.Budget, r.Cell.Noise)).OrderBy(g => g.Key).ToList();
            var rows = new List<(string Case, int K, string Method, ReplicateResult[] Mine, ReplicateResult[] Ref)>();
            foreach (var cell in cells)
            {
                var byMethod = cell.GroupBy(r => r.Cell.Method).ToDictionary(g => g.Key, g => g.ToArray());
                if (!byMethod.TryGetValue(refMethod, out var refs))
                {
                    continue;
                }

                foreach (var (method, mine) in byMethod.Where(kv => kv.Key != refMethod).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    rows.Add((cell.Key.CaseId, cell.Key.Workers, method, mine, refs));
                }
            }

            if (rows.Count == 0)
            {
                throw new UsageException($"no cell holds both '{refMethod}' and another method");
            }

            var p = ReportStatistics.BonferroniMannWhitney([.. rows.Select(r => ((IReadOnlyList<double>)Metric(r.Mine), (IReadOnlyList<double>)Metric(r.Ref)))]);
            var w = parse.InvocationConfiguration.Output;
            w.WriteLine($"| case | K | method | n | median {rows[0].Mine[0].MetricName} | {refMethod} median | p (MW, Bonferroni x{rows.Count}) | ms/trial median [p95] | {refMethod} ms/trial median [p95] |");
            w.WriteLine("|---|---|---|---|---|---|---|---|---|");
            for (int i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Case} | {r.K} | {r.Method} | {r.Mine.Length} vs {r.Ref.Length} | {Median(Metric(r.Mine)):G4} | {Median(Metric(r.Ref)):G4} | {p[i]:G3} | {Latency(r.Mine)} | {Latency(r.Ref)} |"));
            }

            w.WriteLine($"Mann–Whitney U two-sided (exact or tie-corrected normal, as scipy), Bonferroni over the {rows.Count} rows; same replicate seeds for every method. "
                + "ms/trial: real ask share + tell per evaluation, on this machine.");
            return 0;
        });
        return command;
    }

    private static double[] Metric(ReplicateResult[] results) => [.. results.Select(r => r.FinalMetric)];

    private static double Median(double[] values) => Descriptive.MedianInPlace([.. values]);

    private static string Latency(ReplicateResult[] results)
    {
        var ms = results.SelectMany(r => r.Evaluations).Select(e => e.ComputeSeconds * 1000).Order().ToArray();
        return ms.Length == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Descriptive.Percentile(ms, 50):G3} [{Descriptive.Percentile(ms, 95):G3}]");
    }
}
