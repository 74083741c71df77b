using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almab.Algorithms.Bandits.Federated;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Workers;
using Almab.Sim.Runs.Bandits;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>
/// Federated UCB (survey 001 section 1.1): N = 4, 16, 64 agents on a cluster with log-normal worker speeds (sd 0.3) and
/// exponential message latency (mean 0.02 s), K = 10 arms (means 0.9 to 0.3, agent offsets sd 0.05), T = 1000 local
/// rounds per agent. Schemes: periodic P = 1, 10, 100 (synchronous rounds), lazy (threshold 1 server width,
/// asynchronous), quantized (P = 10 with 4-bit means). Cell axes: Method = scheme, Workers = N. Stored per replicate:
/// regret (final metric), virtual seconds (makespan) and, in the last curve point, messages (Observed of an extra row)
/// and bytes (secondary). Per-round virtual times are not recorded (stored as 0).
/// </summary>
public sealed class FederatedPart : SurveyPart
{
    private static readonly string[] Fixed = ["lazy", "p10-4bit"];
    private static readonly int[] AgentCounts = [4, 16, 64];
    private const int Rounds = 1000;

    /// <inheritdoc />
    public override string Name => "federated";

    /// <inheritdoc />
    public override string Description => "federated UCB regret vs messages, bytes and virtual time for P = 1, 10, 100, lazy and 4-bit quantized, N = 4, 16, 64 agents (T = 1000 rounds each). About 3 min on 2 cores.";

    /// <inheritdoc />
    public override IReadOnlyList<CellKey> Cells(int replicates, SurveyOptions options) =>
        [.. from m in Schemes(options.Periods.Distinct().Order()) from n in AgentCounts from r in Enumerable.Range(0, replicates) select new CellKey(CaseId, m, n, Rounds, 0, r)];

    /// <summary>The schedule, bit width and dispatch mode of a scheme.</summary>
    public static (FederatedSchedule Schedule, int Bits, DispatchMode Mode) Scheme(string name) => name switch
    {
        "lazy" => (FederatedSchedule.Lazy(1.0), 64, DispatchMode.Asynchronous),
        "p10-4bit" => (FederatedSchedule.Periodic(10), 4, DispatchMode.Synchronous),
        _ when name.StartsWith('p') && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int p) => (FederatedSchedule.Periodic(p), 64, DispatchMode.Synchronous),
        _ => throw new ArgumentException($"unknown federated scheme '{name}'", nameof(name)),
    };

    /// <summary>The schemes run: periodic "p{P}" for each period (ascending), then lazy and 4-bit quantized P = 10.</summary>
    private static IEnumerable<string> Schemes(IEnumerable<int> periods) => periods.Select(p => "p" + p.ToString(CultureInfo.InvariantCulture)).Concat(Fixed);

    /// <summary>The schemes present in stored results, in run order.</summary>
    private static string[] Schemes(IReadOnlyList<ReplicateResult> results) =>
        [.. Schemes(results.Select(r => r.Cell.Method).Where(m => !Fixed.Contains(m)).Distinct().Select(m => int.Parse(m.AsSpan(1), CultureInfo.InvariantCulture)).Order()).Where(m => results.Any(r => r.Cell.Method == m))];

    /// <summary>The cluster the agents run on.</summary>
    public static ClusterConfig Cluster(int agents, DispatchMode mode) => new()
    {
        Workers = agents,
        Dispatch = mode,
        Heterogeneity = new LogNormalSpeedProfile(0.3),
        Communication = new CommunicationModel { Latency = new ExponentialDuration(0.02) },
    };

    /// <inheritdoc />
    public override ReplicateResult Run(CellKey cell, Seed root)
    {
        var seed = ReplicateSeed(root, cell.Replicate).Derive((long)cell.Workers);
        var (schedule, bits, mode) = Scheme(cell.Method);
        var clock = Stopwatch.StartNew();
        var run = FederatedClusterRun.Run(Cluster(cell.Workers, mode),
            new FederatedRunConfig { Means = BatchPart.Means(10), RoundsPerAgent = cell.Budget, Schedule = schedule, Bits = bits }, seed);
        var curve = SurveyResults.Checkpoints(cell.Budget).Select(t => ((double)t, run.CumulativeRegretByRound[t - 1], double.NaN, 0.0)).ToList();
        curve.Add((cell.Budget + 1, run.Messages, run.Bytes, run.Cluster.MakespanSeconds)); // the communication row
        return SurveyResults.Make(cell, seed.Value, "cumulative-regret", run.Regret, run.Regret, run.Cluster.MakespanSeconds, clock.Elapsed.TotalSeconds, curve);
    }

    /// <inheritdoc />
    public override SurveyPartReport Report(IReadOnlyList<ReplicateResult> results)
    {
        var md = new StringBuilder("## Federated UCB (survey section 1.1)\n\n");
        md.AppendLine("Total pseudo-regret of all agents against the agents' average means; communication is what crossed the simulated network (each message's latency and size in virtual time). Median [IQR]:\n");
        md.AppendLine("| scheme | N | regret | regret per agent | messages | bytes | virtual seconds |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        var csv = new StringBuilder("scheme,agents,regret_median,regret_q1,regret_q3,messages_median,bytes_median,virtual_seconds_median\n");
        var series = new List<SurveySeries>();
        foreach (int n in AgentCounts)
        {
            foreach (string m in Schemes(results))
            {
                var g = results.Where(r => r.Cell.Method == m && r.Cell.Workers == n).OrderBy(r => r.Cell.Replicate).ToList();
                if (g.Count == 0)
                {
                    continue;
                }

                var reg = SurveyStatistics.MedianIqr(g.Select(r => r.FinalMetric).ToArray());
                var msg = SurveyStatistics.MedianIqr(g.Select(r => r.Evaluations[^1].Observed).ToArray());
                var bytes = SurveyStatistics.MedianIqr(g.Select(r => r.Evaluations[^1].TrueValue).ToArray());
                var span = SurveyStatistics.MedianIqr(g.Select(r => r.MakespanSeconds).ToArray());
                md.AppendLine(CultureInfo.InvariantCulture, $"| {m} | {n} | {SurveyResults.G(reg.Median)} [{SurveyResults.G(reg.Q1)}, {SurveyResults.G(reg.Q3)}] | {SurveyResults.G(reg.Median / n)} | {SurveyResults.G(msg.Median)} | {SurveyResults.G(bytes.Median)} | {SurveyResults.G(span.Median)} [{SurveyResults.G(span.Q1)}, {SurveyResults.G(span.Q3)}] |");
                csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{m},{n},{reg.Median},{reg.Q1},{reg.Q3},{msg.Median},{bytes.Median},{span.Median}"));
                var curveRows = g.Select(r => r with { Evaluations = r.Evaluations[..^1] }).ToList();
                series.Add(SurveyResults.Series($"federated-N{n}-regret", m, curveRows, "local rounds", "total cumulative regret"));
                series.Add(new SurveySeries($"federated-N{n}-communication", m, [bytes.Median], [reg.Median], [reg.Q1], [reg.Q3], "bytes sent (median)", "final regret (median)"));
            }
        }

        return new SurveyPartReport(md.ToString(), csv.ToString(), Verdicts(results), series);
    }

    /// <summary>
    /// Each communication-efficient scheme against aggregation every round (P = 1) at the largest N: bytes sent (the
    /// schemes' point) and the regret paid for it (paired ratio of mean regrets with its CI, Wilcoxon signed-rank).
    /// </summary>
    private static List<SurveyVerdict> Verdicts(IReadOnlyList<ReplicateResult> results)
    {
        int n = AgentCounts[^1];
        string[] schemes = Schemes(results);
        if (!schemes.Contains("p1"))
        {
            return [];
        }

        var byScheme = schemes.ToDictionary(m => m, m => results.Where(r => r.Cell.Method == m && r.Cell.Workers == n).OrderBy(r => r.Cell.Replicate).ToList());
        var reference = byScheme["p1"];
        var others = schemes.Where(m => m != "p1").Where(m => byScheme[m].Count == reference.Count).ToList();
        if (reference.Count < 2 || others.Count == 0)
        {
            return [];
        }

        var vs = SurveyComparison.AgainstReference([.. reference.Select(r => r.FinalMetric)], [.. others.Select(m => (m, (IReadOnlyList<double>)[.. byScheme[m].Select(r => r.FinalMetric)]))]);
        var claim = SurveyClaim.Get("federated-communication");
        double referenceBytes = reference.Average(r => r.Evaluations[^1].TrueValue);
        return [.. vs.Select(v =>
        {
            double bytes = byScheme[v.Method].Average(r => r.Evaluations[^1].TrueValue) / referenceBytes;
            string why = $"{v.Method} sends {SurveyResults.G(bytes)} of P = 1's bytes (mean over replicates) at a regret ratio {SurveyResults.G(v.Ratio)} [{SurveyResults.G(v.Lower)}, {SurveyResults.G(v.Upper)}] to P = 1 (one-sided Wilcoxon signed-rank p = {SurveyResults.G(v.P)} that it is lower, Bonferroni)";
            string verdict = bytes < 1 ? (v.Lower > 1 ? "consistent, at a regret cost" : "consistent") : "not reproduced";
            return new SurveyVerdict(claim with { Quantity = claim.Quantity + $" [{v.Method}, N = {n}]" }, v.Ratio, v.Lower, v.Upper, verdict, why);
        })];
    }
}
