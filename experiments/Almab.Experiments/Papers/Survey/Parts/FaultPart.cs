using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almab.Algorithms.Bandits;
using Almab.Algorithms.Bandits.Environments;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Workers;
using Almab.Sim.Runs.Bandits;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>
/// Fault tolerance (survey 001 section 1.2, "handle failed evaluations (arm crashes, timeouts)"): asynchronous UCB1
/// (pending pulls counted) on 8 heterogeneous workers (log-normal speed factors, sd 0.5; exponential task times;
/// latency 0.05 s each way) with 0 %, 5 % and 20 % of pulls crashing, each failed pull retried or dropped.
/// K = 10 Bernoulli arms (means 0.9 to 0.3), T = 4000 rewards. Cell axes: Workers = 8, Noise = crash rate;
/// Method = "retry" or "drop". Stored secondary value: lost (failed) pulls so far.
/// </summary>
public sealed class FaultPart : SurveyPart
{
    private static readonly string[] Rules = ["retry", "drop"];
    private static readonly double[] Rates = [0.0, 0.05, 0.2];
    private const int Horizon = 4000;

    /// <inheritdoc />
    public override string Name => "faults";

    /// <inheritdoc />
    public override string Description => "regret, lost pulls and virtual time at 0/5/20 % crash rates, failed pulls retried or dropped (async UCB1, 8 heterogeneous workers, T = 4000). About 20 s on 2 cores.";

    /// <inheritdoc />
    public override IReadOnlyList<CellKey> Cells(int replicates, SurveyOptions options) =>
        [.. from m in Rules from p in Rates from r in Enumerable.Range(0, replicates) select new CellKey(CaseId, m, 8, Horizon, p, r)];

    /// <inheritdoc />
    public override ReplicateResult Run(CellKey cell, Seed root)
    {
        var seed = ReplicateSeed(root, cell.Replicate);
        var cluster = new ClusterConfig
        {
            Workers = cell.Workers,
            TaskTime = new ExponentialDuration(1.0),
            Heterogeneity = new LogNormalSpeedProfile(0.5),
            Communication = new CommunicationModel { Latency = new DeterministicDuration(0.05) },
        };
        var config = new BanditRunConfig { Rewards = cell.Budget, FailureProbability = cell.Noise, Rule = cell.Method == "drop" ? FailureRule.Drop : FailureRule.Retry };
        var clock = Stopwatch.StartNew();
        var run = BanditClusterRun.Run(cluster, config, new Ucb1Policy(10), BernoulliArms.Stationary(BatchPart.Means(10)), seed);
        var curve = BanditCurves.At(run, SurveyResults.Checkpoints(cell.Budget)).ToList();
        curve[^1] = curve[^1] with { Secondary = run.FailedPulls };
        return SurveyResults.Make(cell, seed.Value, "cumulative-regret", run.Regret, run.Regret, run.Cluster.MakespanSeconds, clock.Elapsed.TotalSeconds, curve);
    }

    /// <inheritdoc />
    public override SurveyPartReport Report(IReadOnlyList<ReplicateResult> results)
    {
        var md = new StringBuilder("## Fault tolerance (survey section 1.2)\n\n");
        md.AppendLine("Asynchronous UCB1 on 8 heterogeneous workers; a failed pull runs a uniform fraction of its work, then is retried (same arm) or dropped (withdrawn from the policy); it never counts as a reward. Median [IQR] over replicates:\n");
        md.AppendLine("| rule | crash rate | regret | lost pulls | virtual seconds to T rewards |");
        md.AppendLine("|---|---|---|---|---|");
        var csv = new StringBuilder("rule,crash_rate,regret_median,regret_q1,regret_q3,lost_median,lost_q1,lost_q3,makespan_median,makespan_q1,makespan_q3\n");
        var series = new List<SurveySeries>();
        foreach (string m in Rules)
        {
            foreach (double p in Rates)
            {
                var g = results.Where(r => r.Cell.Method == m && r.Cell.Noise == p).OrderBy(r => r.Cell.Replicate).ToList();
                if (g.Count == 0)
                {
                    continue;
                }

                var reg = SurveyStatistics.MedianIqr(g.Select(r => r.FinalMetric).ToArray());
                var lost = SurveyStatistics.MedianIqr(g.Select(r => r.Evaluations[^1].TrueValue).ToArray());
                var span = SurveyStatistics.MedianIqr(g.Select(r => r.MakespanSeconds).ToArray());
                md.AppendLine(CultureInfo.InvariantCulture, $"| {m} | {p:P0} | {Iqr(reg)} | {Iqr(lost)} | {Iqr(span)} |");
                csv.AppendLine(string.Join(',', new object[] { m, p, reg.Median, reg.Q1, reg.Q3, lost.Median, lost.Q1, lost.Q3, span.Median, span.Q1, span.Q3 }.Select(o => Convert.ToString(o, CultureInfo.InvariantCulture))));
                series.Add(SurveyResults.Series($"faults-{m}", $"crash {p:P0}", g, "T (rewards)", "cumulative regret"));
            }
        }

        return new SurveyPartReport(md.ToString(), csv.ToString(), Verdicts(results), series);
    }

    /// <summary>Regret at each crash rate against the fault-free run of the same replicate (paired ratio of mean regrets).</summary>
    private static List<SurveyVerdict> Verdicts(IReadOnlyList<ReplicateResult> results)
    {
        var verdicts = new List<SurveyVerdict>();
        var claim = SurveyClaim.Get("faults-handled");
        foreach (string m in Rules)
        {
            var clean = results.Where(r => r.Cell.Method == m && r.Cell.Noise == 0).OrderBy(r => r.Cell.Replicate).ToList();
            foreach (double p in Rates.Where(p => p > 0))
            {
                var g = results.Where(r => r.Cell.Method == m && r.Cell.Noise == p).OrderBy(r => r.Cell.Replicate).ToList();
                if (clean.Count < 2 || g.Count != clean.Count)
                {
                    continue;
                }

                var (ratio, lo, hi) = SurveyStatistics.PairedRatio([.. g.Select(r => r.FinalMetric)], [.. clean.Select(r => r.FinalMetric)]);
                double lost = g.Average(r => r.Evaluations[^1].TrueValue);
                string text = $"regret ratio to 0 % crashes {SurveyResults.G(ratio)} [{SurveyResults.G(lo)}, {SurveyResults.G(hi)}], {SurveyResults.G(lost)} lost pulls per run on average, no failed pull counted as a reward";
                verdicts.Add(new SurveyVerdict(claim with { Quantity = claim.Quantity + $" [{m}, {p:P0}]" }, ratio, lo, hi,
                    hi <= 1.05 ? "consistent" : "not consistent", hi <= 1.05 ? text : $"failures cost more than 5 % regret: {text}"));
            }
        }

        return verdicts;
    }

    private static string Iqr((double Median, double Q1, double Q3) s) => $"{SurveyResults.G(s.Median)} [{SurveyResults.G(s.Q1)}, {SurveyResults.G(s.Q3)}]";
}
