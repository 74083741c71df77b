using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>
/// Large arm sets (survey 001 sections 1.3 and 5.2, "computing bandit scores for millions of arms"): N = 10^3 and 10^5
/// Bernoulli arms in round(sqrt N) contiguous clusters; cluster c's base mean is U(0.2, 0.6) except one random cluster
/// at 0.8, and each arm adds U(-0.05, 0.05). Methods: hierarchical UCB (20 000 pulls), flat UCB1 (20 000 pulls, N =
/// 10^3 only: at 10^5 it cannot try every arm once), CUCB choosing m = 10 arms per round (1000 rounds = 10 000 pulls),
/// and uniform random choice as the floor. Reported: regret per pull and decisions per second (wall-clock of the
/// policy's select + update on this machine, single thread; not deterministic). Cell axes: Noise = N.
/// </summary>
public sealed class ScalePart : SurveyPart
{
    private static readonly (string Method, double Arms)[] Grid =
        [("hierarchical-ucb", 1e3), ("ucb1", 1e3), ("cucb-m10", 1e3), ("random", 1e3), ("hierarchical-ucb", 1e5), ("cucb-m10", 1e5), ("random", 1e5)];

    /// <inheritdoc />
    public override string Name => "scale";

    /// <inheritdoc />
    public override string Description => "CUCB (top-10) and hierarchical UCB at N = 10^3 and 10^5 arms: regret per pull and decisions per second. About 1.5 min on 2 cores.";

    /// <inheritdoc />
    public override IReadOnlyList<CellKey> Cells(int replicates, SurveyOptions options) =>
        [.. from g in Grid from r in Enumerable.Range(0, replicates) select new CellKey(CaseId, g.Method, 1, g.Method.StartsWith("cucb", StringComparison.Ordinal) ? 1000 : 20_000, g.Arms, r)];

    /// <summary>The clustered means of the instance.</summary>
    public static double[] Means(int arms, Rng rng)
    {
        int clusters = (int)Math.Round(Math.Sqrt(arms)), size = (arms + clusters - 1) / clusters;
        int good = rng.Next(clusters);
        var base_ = new double[clusters];
        for (int c = 0; c < clusters; c++)
        {
            base_[c] = c == good ? 0.8 : 0.2 + 0.4 * rng.NextDouble();
        }

        var means = new double[arms];
        for (int i = 0; i < arms; i++)
        {
            means[i] = base_[Math.Min(i / size, clusters - 1)] + 0.1 * (rng.NextDouble() - 0.5);
        }

        return means;
    }

    /// <inheritdoc />
    public override ReplicateResult Run(CellKey cell, Seed root)
    {
        int n = (int)cell.Noise;
        var seed = ReplicateSeed(root, cell.Replicate).Derive((long)n);
        var means = Means(n, seed.Derive("means").CreateRng());
        double best = means.Max();
        var rewards = seed.Derive("rewards").CreateRng();
        double regret = 0;
        long pulls = 0;
        var ticks = new long[cell.Budget]; // per-decision wall-clock (select + update), for the latency percentiles
        var clock = Stopwatch.StartNew();
        if (cell.Method == "cucb-m10")
        {
            // Regret of a round: the best set's mean reward (top 10 means) minus the chosen set's.
            double bestSet = means.OrderDescending().Take(10).Sum();
            var cucb = new CucbPolicy(n, 10);
            var set = new int[10];
            for (int t = 0; t < cell.Budget; t++)
            {
                long t0 = Stopwatch.GetTimestamp();
                cucb.SelectSet(set);
                double got = 0;
                foreach (int a in set)
                {
                    got += means[a];
                    cucb.Update(a, rewards.NextDouble() < means[a] ? 1 : 0);
                }

                ticks[t] = Stopwatch.GetTimestamp() - t0;
                regret += bestSet - got;
                pulls += set.Length;
            }
        }
        else
        {
            IBanditPolicy? policy = cell.Method switch
            {
                "hierarchical-ucb" => new HierarchicalUcbPolicy(n),
                "ucb1" => new Ucb1Policy(n),
                _ => null,
            };
            var pick = seed.Derive("random").CreateRng();
            for (int t = 0; t < cell.Budget; t++)
            {
                long t0 = Stopwatch.GetTimestamp();
                int a = policy?.Select() ?? pick.Next(n);
                double r = rewards.NextDouble() < means[a] ? 1 : 0;
                policy?.Update(a, r);
                ticks[t] = Stopwatch.GetTimestamp() - t0;
                regret += best - means[a];
                pulls++;
            }
        }

        double seconds = clock.Elapsed.TotalSeconds;
        double perSecond = cell.Budget / Math.Max(seconds, 1e-9);
        var latency = ticks.Select(k => (double)k / Stopwatch.Frequency).Order().ToArray();
        double p50 = SurveyStatistics.Quantile(latency, 0.5), p99 = SurveyStatistics.Quantile(latency, 0.99);
        // Row 0: per-decision latency percentiles (x = 0, y = P50 s, secondary = P99 s); last row: regret and rate.
        return SurveyResults.Make(cell, seed.Value, "regret-per-pull", regret / pulls, regret, 0.0, seconds, [(0, p50, p99, 0.0), (cell.Budget, regret / pulls, perSecond, 0.0)]);
    }

    /// <inheritdoc />
    public override SurveyPartReport Report(IReadOnlyList<ReplicateResult> results)
    {
        var md = new StringBuilder("## Large arm sets (survey sections 1.3 and 5.2)\n\n");
        md.AppendLine("Regret per pull (pseudo-regret; for CUCB, per arm of the chosen set against the best 10-set) and decisions per second (one decision = select + update; for CUCB a decision is a whole 10-arm round), median [IQR]. Decision rates are wall-clock on a shared, loaded machine (ratios between rows are meaningful, absolute values less so).\n");
        md.AppendLine("| method | N | decisions | regret per pull | decisions per second | P50 / P99 latency (ms) |");
        md.AppendLine("|---|---|---|---|---|---|");
        var csv = new StringBuilder("method,arms,decisions,regret_per_pull_median,regret_per_pull_q1,regret_per_pull_q3,decisions_per_second_median,p50_ms_median,p99_ms_median\n");
        var verdicts = new List<SurveyVerdict>();
        foreach (var (m, n) in Grid)
        {
            var g = results.Where(r => r.Cell.Method == m && r.Cell.Noise == n).ToList();
            if (g.Count == 0)
            {
                continue;
            }

            var reg = SurveyStatistics.MedianIqr(g.Select(r => r.FinalMetric).ToArray());
            var rate = SurveyStatistics.MedianIqr(g.Select(r => r.Evaluations[^1].TrueValue).ToArray());
            var p50 = SurveyStatistics.MedianCi([.. g.Select(r => r.Evaluations[0].Metric * 1e3)]);
            var p99 = SurveyStatistics.MedianCi([.. g.Select(r => r.Evaluations[0].TrueValue * 1e3)]);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m} | {n:G3} | {g[0].Cell.Budget} | {SurveyResults.G(reg.Median)} [{SurveyResults.G(reg.Q1)}, {SurveyResults.G(reg.Q3)}] | {SurveyResults.G(rate.Median)} [{SurveyResults.G(rate.Q1)}, {SurveyResults.G(rate.Q3)}] | {SurveyResults.G(p50.Median)} / {SurveyResults.G(p99.Median)} |");
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{m},{n},{g[0].Cell.Budget},{reg.Median},{reg.Q1},{reg.Q3},{rate.Median},{p50.Median},{p99.Median}"));
            if (n == Grid.Max(x => x.Arms) && m != "random")
            {
                var claim = SurveyClaim.Get("selection-latency");
                bool met = p50.Upper < 10 && p99.Upper < 50;
                verdicts.Add(new SurveyVerdict(claim with { Quantity = claim.Quantity + $" [{m}, N = {n:G3}]" }, p99.Median, p99.Lower, p99.Upper,
                    met ? "consistent" : "not reproduced",
                    $"P99 shown (median over replicates of each run's P99, 95 % CI); P50 {SurveyResults.G(p50.Median)} ms [{SurveyResults.G(p50.Lower)}, {SurveyResults.G(p50.Upper)}]; single thread on a shared, loaded 2-core machine" + (met ? "" : ": above the stated budget")));
            }
        }

        // Uniform random choice is the regret floor, not a policy: its "decision" is one integer draw, so it stays off the rate figure.
        var series = Grid.Select(g => g.Method).Where(m => m != "random").Distinct().Select(m =>
        {
            var rows = Grid.Where(g => g.Method == m).Select(g => (g.Arms, R: results.Where(r => r.Cell.Method == m && r.Cell.Noise == g.Arms).Select(r => r.Evaluations[^1].TrueValue).ToArray())).Where(p => p.R.Length > 0).ToList();
            var stats = rows.Select(p => SurveyStatistics.MedianIqr(p.R)).ToList();
            return new SurveySeries("scale-decisions-per-second", m, [.. rows.Select(p => p.Arms)], [.. stats.Select(s => s.Median)], [.. stats.Select(s => s.Q1)], [.. stats.Select(s => s.Q3)], "arms N", "decisions per second");
        }).Where(s => s.X.Length > 0).ToList();
        return new SurveyPartReport(md.ToString(), csv.ToString(), verdicts, series);
    }
}
