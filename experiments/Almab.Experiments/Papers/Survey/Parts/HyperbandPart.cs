using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almab.Algorithms.Bandits;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Hyperband;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Sim.Cluster;
using Almab.Sim.Runs;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>
/// Hyperband vs grid search vs fixed-fidelity UCB on 50 configurations (survey 001 sections 2.1, 2.3 and 6.3). Each
/// replicate draws 50 configurations of the case-1 HPO emulator (fidelity = fraction of 50 epochs, cost proportional to
/// it; observation noise sd 0.005) and runs, on 4 asynchronous workers: grid search (every configuration once at full
/// fidelity), Hyperband (R = 27, eta = 3, configurations drawn at random from the 50), threshold-promotion successive
/// halving (fidelities 1/27, 1/9, 1/3, 1; adaptive 1/3 quantile), and UCB1 over the 50 at full fidelity (150 pulls).
/// The target is the true accuracy of grid search's final incumbent minus 0.002; a method's time to target is the first
/// virtual second at which its incumbent (best observed full-fidelity evaluation) has at least that true accuracy.
/// Speed-up over grid, two readings: the survey's ("grid search evaluates all configurations to completion"): grid's
/// makespan / the method's time to target, which the verdict uses; and the conservative anytime reading: grid's time to
/// its own final incumbent / the method's time to target. Hyperband over UCB: UCB's time to target / Hyperband's.
/// Stored final metric: time to target (+infinity if never). Cell axes: Workers = 4, Noise = 0.005.
/// </summary>
public sealed class HyperbandPart : SurveyPart
{
    private static readonly string[] Methods = ["grid", "hyperband", "threshold-sh", "ucb-fixed"];
    private const int Configurations = 50;
    private const double NoiseSd = 0.005, Tolerance = 0.002;

    /// <inheritdoc />
    public override string Name => "hyperband";

    /// <inheritdoc />
    public override string Description => "Hyperband and threshold-promotion successive halving vs grid search and fixed-fidelity UCB on 50 HPO configurations: virtual-time speed-up to grid's final quality. About 1 min on 2 cores.";

    /// <inheritdoc />
    public override IReadOnlyList<CellKey> Cells(int replicates, SurveyOptions options) =>
        [.. from m in Methods from r in Enumerable.Range(0, replicates) select new CellKey(CaseId, m, 4, m == "grid" ? Configurations : 600, NoiseSd, r)];

    /// <inheritdoc />
    public override ReplicateResult Run(CellKey cell, Seed root)
    {
        var seed = ReplicateSeed(root, cell.Replicate);
        var inner = new HpoEmulatorObjective(NoiseSd);
        var rng = seed.Derive("pool").CreateRng();
        var pool = Enumerable.Range(0, Configurations).Select(_ => inner.Space.Sample(rng)).ToList();
        var objective = new PoolObjective(inner, pool);
        var indices = Enumerable.Range(0, Configurations).Select(objective.Index).ToList();
        var clock = Stopwatch.StartNew();
        var grid = Execute(new ThresholdPromotionOptimizer(indices, [1.0]), objective, cell.Workers, Configurations, seed);
        var (gridBest, gridTime) = FinalIncumbent(grid);
        double target = gridBest - Tolerance;
        IOptimizer optimizer = cell.Method switch
        {
            "grid" => new ThresholdPromotionOptimizer(indices, [1.0]),
            "hyperband" => new HyperbandOptimizer(objective.Space, seed.Derive("hyperband"), new HyperbandOptions { MinFidelity = 1.0 / 27, Eta = 3 }),
            "threshold-sh" => new ThresholdPromotionOptimizer(indices, [1.0 / 27, 1.0 / 9, 1.0 / 3, 1.0]),
            _ => new BanditPoolOptimizer(new Ucb1Policy(Configurations, c: 0.05), indices, 1.0),
        };
        int budget = cell.Method switch { "grid" => Configurations, "ucb-fixed" => 150, _ => cell.Budget };
        var run = cell.Method == "grid" ? grid : Execute(optimizer, objective, cell.Workers, budget, seed);
        double best = double.NegativeInfinity, reached = double.PositiveInfinity;
        var curve = new List<(double, double, double, double)>();
        foreach (var e in run.Evaluations)
        {
            if (!e.Failed && e.Fidelity >= 1.0 && -e.Value > ObservedBest(curve))
            {
                best = -(e.TrueValue ?? e.Value);
                curve.Add((e.ToldSeconds, best, -e.Value, e.ToldSeconds));
                if (best >= target && double.IsPositiveInfinity(reached))
                {
                    reached = e.ToldSeconds;
                }
            }
        }

        curve.Add((gridTime, target, grid.Cluster.MakespanSeconds, gridTime)); // target, grid's time to it and grid's makespan, for the report
        return SurveyResults.Make(cell, seed.Value, "virtual-seconds-to-target", reached, double.NaN, run.Cluster.MakespanSeconds, clock.Elapsed.TotalSeconds, curve);
    }

    private static double ObservedBest(List<(double, double Y, double Observed, double)> curve) => curve.Count == 0 ? double.NegativeInfinity : curve[^1].Observed;

    private static OptimizationRunResult Execute(IOptimizer optimizer, PoolObjective objective, int workers, int budget, Seed seed) =>
        OptimizationRun.Execute(new OptimizationRunConfig { Cluster = new ClusterConfig { Workers = workers }, Budget = budget }, optimizer, objective, seed.Derive("cluster"), seed.Derive("noise"));

    /// <summary>Grid search's final incumbent: its true accuracy and the virtual second it was told.</summary>
    private static (double TrueAccuracy, double Seconds) FinalIncumbent(OptimizationRunResult grid)
    {
        var best = grid.Evaluations.Where(e => !e.Failed).MinBy(e => e.Value)!;
        return (-(best.TrueValue ?? best.Value), best.ToldSeconds);
    }

    /// <inheritdoc />
    public override SurveyPartReport Report(IReadOnlyList<ReplicateResult> results)
    {
        var byMethod = Methods.ToDictionary(m => m, m => results.Where(r => r.Cell.Method == m).ToDictionary(r => r.Cell.Replicate));
        var md = new StringBuilder("## Hyperband vs grid search vs fixed-fidelity UCB, 50 configurations (survey sections 2.1, 2.3, 6.3)\n\n");
        md.AppendLine(CultureInfo.InvariantCulture, $"HPO emulator (case 1 formula), 4 asynchronous workers, noise sd {NoiseSd}; target = true accuracy of grid search's final incumbent − {Tolerance}. Virtual seconds to target, median [IQR], share of replicates reaching it, and speed-up over grid (grid's time to its incumbent / the method's), median with 95 % CI:\n");
        md.AppendLine("| method | seconds to target | reached | speed-up over grid's makespan | speed-up over grid's time to its incumbent (anytime) |");
        md.AppendLine("|---|---|---|---|---|");
        var csv = new StringBuilder("method,seconds_median,seconds_q1,seconds_q3,reached_share,speedup_median,speedup_lower,speedup_upper,anytime_speedup_median,anytime_lower,anytime_upper\n");
        var speedups = new Dictionary<string, List<double>>();
        foreach (string m in Methods)
        {
            var g = byMethod[m].Values.ToList();
            if (g.Count < 2)
            {
                continue;
            }

            var times = g.Select(r => r.FinalMetric).ToArray();
            var s = SurveyStatistics.MedianIqr(times);
            double share = times.Count(double.IsFinite) / (double)times.Length;
            var sp = g.Select(r => r.Evaluations[^1].TrueValue / r.FinalMetric).ToList(); // 0 when never reached
            var any = g.Select(r => r.Evaluations[^1].BestSoFar / r.FinalMetric).ToList();
            speedups[m] = sp;
            var (sm, slo, shi) = SurveyStatistics.MedianCi(sp);
            var (am, alo, ahi) = SurveyStatistics.MedianCi(any);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m} | {SurveyResults.G(s.Median)} [{SurveyResults.G(s.Q1)}, {SurveyResults.G(s.Q3)}] | {share:P0} | {SurveyResults.G(sm)} [{SurveyResults.G(slo)}, {SurveyResults.G(shi)}] | {SurveyResults.G(am)} [{SurveyResults.G(alo)}, {SurveyResults.G(ahi)}] |");
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{m},{s.Median},{s.Q1},{s.Q3},{share},{sm},{slo},{shi},{am},{alo},{ahi}"));
        }

        var verdicts = new List<SurveyVerdict>();
        if (speedups.TryGetValue("hyperband", out var hb))
        {
            verdicts.Add(Verdict(SurveyClaim.Get("hyperband-vs-grid"), hb));
            if (byMethod["ucb-fixed"].Count > 0)
            {
                var ratio = byMethod["hyperband"].Where(kv => byMethod["ucb-fixed"].ContainsKey(kv.Key))
                    .Select(kv => byMethod["ucb-fixed"][kv.Key].FinalMetric / kv.Value.FinalMetric).Where(v => !double.IsNaN(v)).ToList();
                if (ratio.Count >= 2)
                {
                    verdicts.Add(Verdict(SurveyClaim.Get("hyperband-vs-ucb"), ratio));
                }
            }
        }

        md.AppendLine().AppendLine("Speed-up of Hyperband over UCB = UCB's time to target / Hyperband's (same replicate; +∞ when UCB never reaches it).");
        var series = Methods.Where(m => byMethod[m].Count > 0).Select(m =>
        {
            var (med, q1, q3) = SurveyStatistics.MedianIqr(byMethod[m].Values.Select(r => double.IsFinite(r.FinalMetric) ? r.FinalMetric : r.MakespanSeconds * 10).ToArray());
            return new SurveySeries("hyperband-seconds-to-target", m, [Array.IndexOf(Methods, m) + 1.0], [med], [q1], [q3], "method (1 grid, 2 hyperband, 3 threshold-sh, 4 ucb-fixed)", "virtual seconds to target (median)");
        }).ToList();
        return new SurveyPartReport(md.ToString(), csv.ToString(), verdicts, series);
    }

    private static SurveyVerdict Verdict(SurveyClaim claim, List<double> speedups)
    {
        var (m, lo, hi) = SurveyStatistics.MedianCi(speedups);
        double low = claim.StatedLow!.Value, high = claim.StatedHigh!.Value;
        string verdict = lo >= low && hi <= high ? "reproduced" : hi < low || lo > high ? "not reproduced" : "inconclusive";
        string reason = verdict switch
        {
            "reproduced" => $"the median speed-up's 95 % CI lies inside the stated {low}–{high}x",
            "not reproduced" => hi < low ? $"the median speed-up's CI lies below the stated {low}x on this emulator" : $"the median speed-up's CI lies above the stated {high}x on this emulator",
            _ => "the CI overlaps the stated range's edge",
        };
        return new SurveyVerdict(claim, m, lo, hi, verdict, reason);
    }
}
