using System.CommandLine;
using System.Globalization;
using Almab.Reports.Regression;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Store;

namespace Almab.Experiments.Verbs;

/// <summary>
/// <c>almab compare &lt;baseline.db&gt; &lt;candidate.db&gt;</c>: regression mode for CI. For every (case, method, K,
/// budget, noise) present in both databases, the final metric and the cumulative regret are tested one-sided for
/// "candidate worse" (Mann–Whitney U, Holm over all tests); exits 1 and names them when any got significantly worse.
/// </summary>
public sealed class CompareVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var baseline = new Argument<string>("baseline") { Description = "Results database of the accepted version." };
        var candidate = new Argument<string>("candidate") { Description = "Results database of the version under test." };
        var level = new Option<double>("--alpha") { Description = "Family-wise significance level (Holm).", DefaultValueFactory = _ => 0.05 };
        var command = new Command("compare", "Fail when a method got significantly worse between two result databases.") { baseline, candidate, level };
        command.SetAction(parse =>
        {
            double alpha = parse.GetValue(level);
            if (!(alpha > 0 && alpha < 1))
            {
                throw new UsageException($"--alpha: must be in (0, 1), got {alpha.ToString(CultureInfo.InvariantCulture)}");
            }

            List<ReplicateResult> a, b;
            using (var store = MergeVerb.OpenStore(parse.GetValue(baseline)!, create: false))
            {
                a = store.ReadAll().ToList();
            }

            using (var store = MergeVerb.OpenStore(parse.GetValue(candidate)!, create: false))
            {
                b = store.ReadAll().ToList();
            }

            var samples = Samples(a, b);
            var writer = parse.InvocationConfiguration.Output;
            if (samples.Count == 0)
            {
                throw new UsageException("the two databases share no (case, method, K, budget, noise) cell with at least two replicates each");
            }

            var findings = RegressionCheck.Run(samples, alpha);
            writer.WriteLine($"{"quantity",-64} {"baseline med.",13} {"candidate med.",14} {"p (one-sided)",13} {"Holm p",9} {"A12 worse",9}");
            foreach (var f in findings)
            {
                writer.WriteLine($"{f.Sample.Key,-64} {F(f.BaselineMedian),13} {F(f.CandidateMedian),14} {F(f.PValue),13} {F(f.AdjustedPValue),9} {F(f.A12),9}{(f.Worse ? "  WORSE" : "")}");
            }

            var worse = findings.Where(f => f.Worse).ToList();
            writer.WriteLine(worse.Count == 0
                ? $"no quantity got significantly worse ({findings.Count} one-sided Mann-Whitney tests, Holm, alpha = {F(alpha)})"
                : $"{worse.Count} of {findings.Count} quantities got significantly worse: {string.Join(", ", worse.Select(f => f.Sample.Key))}");
            return worse.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static List<RegressionSample> Samples(List<ReplicateResult> a, List<ReplicateResult> b)
    {
        var directions = new Dictionary<string, bool>(StringComparer.Ordinal);
        var samples = new List<RegressionSample>();
        var candidate = b.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var group in a.GroupBy(Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!candidate.TryGetValue(group.Key, out var other) || group.Count() < 2 || other.Count < 2)
            {
                continue;
            }

            var first = group.First();
            string caseId = first.Cell.CaseId;
            if (!directions.TryGetValue(caseId, out bool lower))
            {
                lower = LowerIsBetter(caseId);
                directions[caseId] = lower;
            }

            samples.Add(new RegressionSample($"{group.Key} {first.MetricName}", lower, group.Select(r => r.FinalMetric).ToList(), other.Select(r => r.FinalMetric).ToList()));
            if (group.All(r => !double.IsNaN(r.CumulativeRegret)) && other.All(r => !double.IsNaN(r.CumulativeRegret)) && first.MetricName != "cumulative-regret")
            {
                samples.Add(new RegressionSample($"{group.Key} cumulative-regret", true, group.Select(r => r.CumulativeRegret).ToList(), other.Select(r => r.CumulativeRegret).ToList()));
            }
        }

        return samples;
    }

    private static string Key(ReplicateResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Cell.CaseId}/{r.Cell.Method}/K={r.Cell.Workers}/N={r.Cell.Budget}/noise={r.Cell.Noise:R}");

    /// <summary>Every case metric is lower-is-better except best-value on the maximized emulators (accuracy, return).</summary>
    internal static bool LowerIsBetter(string caseId)
    {
        var definition = CaseLoader.Load(CaseCatalog.Default.Resolve(caseId), MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));
        return !(definition.Metric == CaseMetric.BestValue && definition.Objective is HpoEmulatorSpec or RlEmulatorSpec);
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
