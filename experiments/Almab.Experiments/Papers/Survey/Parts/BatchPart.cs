using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almab.Algorithms.Bandits;
using Almab.Algorithms.Bandits.Environments;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Sim.Cluster;
using Almab.Sim.Runs.Bandits;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>
/// Batched regret (survey 001 section 1.2): batch UCB (pending pulls counted), batch Thompson sampling with a fresh
/// draw per batch member (pending members hallucinated at the posterior mean) and the survey's own pseudocode (the top-B
/// arms of one draw, "batch-ts-topb", which degenerates to uniform pulling when B &gt;= K) in synchronous rounds of B = 1, 4, 16, 64 workers, on Bernoulli arms with means evenly spaced from 0.9 down
/// to 0.3, K = 5 and 20 arms, T = 8192 rewards. Cell axes: Workers = B, Noise = K. The extra regret of batch size B over
/// B = 1 (same replicate, same noise) is fitted against K B.
/// </summary>
public sealed class BatchPart : SurveyPart
{
    private static readonly string[] Methods = ["batch-ucb", "batch-ts", "batch-ts-topb"];
    private static readonly int[] ArmCounts = [5, 20];
    private const int Horizon = 8192;

    /// <inheritdoc />
    public override string Name => "batch";

    /// <inheritdoc />
    public override string Description => "batched regret vs T for B = 1, 4, 16, 64 (batch UCB, two batch TS; K = 5, 20; T = 8192); extra regret vs K·B slope. About 1.5 min on 2 cores.";

    /// <inheritdoc />
    public override IReadOnlyList<CellKey> Cells(int replicates, SurveyOptions options) =>
        [.. from m in Methods from k in ArmCounts from b in options.BatchSizes.Distinct().Order() from r in Enumerable.Range(0, replicates) select new CellKey(CaseId, m, b, Horizon, k, r)];

    /// <summary>The instance: K means evenly spaced in [0.3, 0.9], best first.</summary>
    public static double[] Means(int arms) => [.. Enumerable.Range(0, arms).Select(i => 0.9 - 0.6 * i / (arms - 1))];

    /// <inheritdoc />
    public override ReplicateResult Run(CellKey cell, Seed root)
    {
        int k = (int)cell.Noise;
        var seed = ReplicateSeed(root, cell.Replicate).Derive((long)k);
        var ts = new GaussianThompsonPolicy(k, seed.Derive(cell.Method).Derive((long)cell.Workers), noiseVariance: 0.25, priorMean: 0.5);
        IBanditPolicy policy = cell.Method switch
        {
            "batch-ucb" => new BatchUcbPolicy(new Ucb1Policy(k)),
            "batch-ts" => new BatchUcbPolicy(ts), // a fresh posterior draw per batch member, earlier members hallucinated
            _ => new BatchThompsonPolicy(ts), // the survey's pseudocode: the top-B arms of one draw, distinct while B <= K
        };
        var clock = Stopwatch.StartNew();
        var run = BanditClusterRun.Run(
            new ClusterConfig { Workers = cell.Workers, Dispatch = DispatchMode.Synchronous },
            new BanditRunConfig { Rewards = cell.Budget },
            policy, BernoulliArms.Stationary(Means(k)), seed);
        return SurveyResults.Make(cell, seed.Value, "cumulative-regret", run.Regret, run.Regret, run.Cluster.MakespanSeconds,
            clock.Elapsed.TotalSeconds, BanditCurves.At(run, SurveyResults.Checkpoints(cell.Budget)));
    }

    /// <inheritdoc />
    public override SurveyPartReport Report(IReadOnlyList<ReplicateResult> results)
    {
        int[] batches = [.. results.Select(r => r.Cell.Workers).Distinct().Order()];
        var md = new StringBuilder("## Batched regret (survey section 1.2)\n\n");
        md.AppendLine(CultureInfo.InvariantCulture, $"Synchronous rounds of B pulls on B workers; Bernoulli arms with means evenly spaced in [0.3, 0.9]; T = {Horizon} rewards; {results.Count / Math.Max(1, Methods.Length * batches.Length * ArmCounts.Length)} replicates per cell. Final cumulative pseudo-regret, median [IQR]:\n");
        md.AppendLine("| method | K | B | regret median [Q1, Q3] | extra over B = 1, median [Q1, Q3] |");
        md.AppendLine("|---|---|---|---|---|");
        var csv = new StringBuilder("method,arms,batch,regret_median,regret_q1,regret_q3,extra_median,extra_q1,extra_q3\n");
        var series = new List<SurveySeries>();
        var verdicts = new List<SurveyVerdict>();
        var slopes = new StringBuilder();
        foreach (string m in Methods)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            var late = new List<double>();
            var total = new List<double>();
            foreach (int k in ArmCounts)
            {
                var baselineRuns = results.Where(r => r.Cell.Method == m && (int)r.Cell.Noise == k && r.Cell.Workers == 1).ToDictionary(r => r.Cell.Replicate);
                var baseline = baselineRuns.ToDictionary(p => p.Key, p => p.Value.FinalMetric);
                foreach (int b in batches)
                {
                    var group = results.Where(r => r.Cell.Method == m && (int)r.Cell.Noise == k && r.Cell.Workers == b).OrderBy(r => r.Cell.Replicate).ToList();
                    if (group.Count == 0)
                    {
                        continue;
                    }

                    var extra = group.Where(r => baseline.ContainsKey(r.Cell.Replicate)).Select(r => r.FinalMetric - baseline[r.Cell.Replicate]).ToArray();
                    var (rm, r1, r3) = SurveyStatistics.MedianIqr(group.Select(r => r.FinalMetric).ToArray());
                    var (em, e1, e3) = extra.Length > 0 ? SurveyStatistics.MedianIqr(extra) : (double.NaN, double.NaN, double.NaN);
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {m} | {k} | {b} | {SurveyResults.G(rm)} [{SurveyResults.G(r1)}, {SurveyResults.G(r3)}] | {SurveyResults.G(em)} [{SurveyResults.G(e1)}, {SurveyResults.G(e3)}] |");
                    csv.AppendLine(string.Join(',', m, k, b, rm, r1, r3, em, e1, e3).Replace("NaN", "", StringComparison.Ordinal));
                    series.Add(SurveyResults.Series($"batch-{m}-K{k}", $"B = {b}", group, "T (rewards)", "cumulative regret"));
                    if (b > 1)
                    {
                        xs.AddRange(extra.Select(_ => (double)k * b));
                        ys.AddRange(extra);
                        foreach (var r in group.Where(r => baselineRuns.ContainsKey(r.Cell.Replicate)))
                        {
                            var b1 = baselineRuns[r.Cell.Replicate];
                            late.Add(Late(r) - Late(b1));
                            total.Add(r.FinalMetric - b1.FinalMetric);
                        }
                    }
                }
            }

            if (xs.Count >= 3)
            {
                var (a, s, lo, hi) = SurveyStatistics.Slope(xs, ys);
                slopes.AppendLine(CultureInfo.InvariantCulture, $"- {m}: extra regret = {SurveyResults.G(a)} + {SurveyResults.G(s)} · K·B, slope 95 % CI [{SurveyResults.G(lo)}, {SurveyResults.G(hi)}] ({xs.Count} replicate points, B = {string.Join(", ", batches.Where(b => b > 1))}, K = 5, 20).");
                // The bound's extra term KB does not grow with T, and the sqrt(KT log T) term grows by the factor
                // sqrt(T log T / (Th log Th)) from Th to T: a larger share of the extra regret arriving after Th
                // means the overhead grows faster than either term allows.
                var (share, shareLo, shareHi) = SurveyStatistics.PairedRatio(late, total);
                double th = HalfCheckpoint(), allowed = 1 - Math.Sqrt(th * Math.Log(th) / (Horizon * Math.Log(Horizon)));
                string shareText = $"share of the extra regret arriving after T = {th:F0}: {SurveyResults.G(share)} [{SurveyResults.G(shareLo)}, {SurveyResults.G(shareHi)}]; a T-independent K·B term gives 0, sqrt(T log T) growth {SurveyResults.G(allowed)}, linear growth in T {SurveyResults.G(1 - th / Horizon)}";
                string verdict = shareLo > allowed ? "not consistent" : "consistent";
                string why = shareLo > allowed
                    ? $"the extra regret keeps growing with T faster than sqrt(T log T), so it is not an O(KB) overhead ({shareText}); the fitted slope only summarizes a saturated, non-linear excess"
                    : lo > 0
                        ? $"the extra regret grows linearly in K·B at {SurveyResults.G(s)} regret per unit (the bound's KB term with constant ≈ {SurveyResults.G(s)}) and does not keep growing with T ({shareText})"
                        : $"the slope's interval includes 0: the bound (an upper bound) holds with no visible K·B overhead at this T ({shareText})";
                verdicts.Add(new SurveyVerdict(SurveyClaim.Get("batch-overhead-kb") with { Quantity = SurveyClaim.Get("batch-overhead-kb").Quantity + $" [{m}]" }, s, lo, hi, verdict, why));
            }

            int kMax = ArmCounts[^1];
            var ratio = results.Where(r => r.Cell.Method == m && r.Cell.Workers == 1 && (int)r.Cell.Noise == kMax)
                .Select(r => r.FinalMetric / Math.Sqrt(kMax * (double)r.Cell.Budget * Math.Log(r.Cell.Budget))).ToList();
            var exponents = results.Where(r => r.Cell.Method == m && r.Cell.Workers == 1 && (int)r.Cell.Noise == kMax).Select(BanditCurves.Exponent).Where(double.IsFinite).ToList();
            if (ratio.Count >= 2)
            {
                var (rm, rlo, rhi) = SurveyStatistics.MedianCi(ratio);
                var claim = SurveyClaim.Get("batch-sequential-rate");
                string growth = exponents.Count > 0 ? $"; local growth exponent over [T/8, T] has median {SurveyResults.G(SurveyStatistics.MedianIqr(exponents).Median)} (not yet in the logarithmic regime at this T when above 0.5)" : "";
                verdicts.Add(new SurveyVerdict(claim with { Quantity = claim.Quantity + $" [{m}, K = {kMax}]" }, rm, rlo, rhi,
                    rhi <= 1 ? "consistent" : "not reproduced",
                    (rhi <= 1 ? "B = 1 regret stays below sqrt(K T ln T)" : "B = 1 regret exceeds sqrt(K T ln T)") + growth));
            }
        }

        md.AppendLine().AppendLine("Extra regret against K·B (ordinary least squares over replicates, t interval):\n").Append(slopes);
        return new SurveyPartReport(md.ToString(), csv.ToString(), verdicts, series);
    }

    /// <summary>The last stored checkpoint at or before T / 2.</summary>
    private static int HalfCheckpoint() => SurveyResults.Checkpoints(Horizon).Last(t => t <= Horizon / 2);

    /// <summary>Regret accumulated between the half checkpoint and T in one stored curve.</summary>
    private static double Late(ReplicateResult r)
    {
        int th = HalfCheckpoint();
        return r.Evaluations[^1].Metric - r.Evaluations.Last(e => e.BestSoFar <= th).Metric;
    }
}
