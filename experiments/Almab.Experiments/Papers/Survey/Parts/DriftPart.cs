using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almab.Algorithms.Bandits;
using Almab.Algorithms.Bandits.Environments;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Reporting;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Sim.Cluster;
using Almab.Sim.Runs.Bandits;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>
/// Non-stationary rewards (survey 001 section 4.3): UCB1 against sliding-window UCB, discounted UCB and CUSUM-restarting
/// UCB on K = 5 Bernoulli arms over T = 10 000 pulls, sequential (one worker). Parameters are the theory's choices for
/// Y = 2 breakpoints, not tuned here: W = 2 sqrt(T ln T / Y) = 429 and gamma = 1 - sqrt(Y / T) / 4 = 0.99646 (Garivier
/// and Moulines 2011); CUSUM M = 100, eps = 0.05, h = ln(T) = 9.2, alpha = sqrt(Y ln T / T) = 0.043 (Liu et al. 2018).
/// "abrupt": at pulls 3000 and 6500 a different arm becomes best while the old best stays fair (the case that defeats
/// a long memory, and the one UCB1 handles well: the new best arm was rarely pulled, so its few samples move fast);
/// "drift": the means move linearly between the same three mean vectors; "collapse": at pull 3000 the best arm (0.9)
/// falls to 0.2, below every other arm, and at 6500 the worst arm jumps to 0.95 (Garivier and Moulines' hard case for
/// UCB1: thousands of old samples keep the fallen arm's mean high). Cell axes: Noise = 0 (abrupt), 1 (drift) or
/// 2 (collapse).
/// </summary>
public sealed class DriftPart : SurveyPart
{
    private static readonly string[] Methods = ["ucb1", "sw-ucb", "d-ucb", "cusum-ucb"];
    private static readonly double[][] Phases = [[0.8, 0.6, 0.5, 0.4, 0.3], [0.65, 0.85, 0.5, 0.4, 0.3], [0.65, 0.55, 0.9, 0.4, 0.3]];
    private static readonly double[][] Collapse = [[0.9, 0.6, 0.5, 0.4, 0.3], [0.2, 0.6, 0.5, 0.4, 0.3], [0.2, 0.6, 0.5, 0.4, 0.95]];
    private static readonly long[] Starts = [0, 3000, 6500];
    private static readonly string[] Environments = ["abrupt", "drift", "collapse"];
    private const int Horizon = 10_000;

    /// <inheritdoc />
    public override string Name => "drift";

    /// <inheritdoc />
    public override string Description => "SW-UCB, discounted UCB and CUSUM-UCB vs UCB1 after abrupt changes, a collapse of the best arm and under slow drift (K = 5, T = 10 000). About 30 s on 2 cores.";

    /// <inheritdoc />
    public override IReadOnlyList<CellKey> Cells(int replicates, SurveyOptions options) =>
        [.. from m in Methods from e in new[] { 0.0, 1.0, 2.0 } from r in Enumerable.Range(0, replicates) select new CellKey(CaseId, m, 1, Horizon, e, r)];

    /// <inheritdoc />
    public override ReplicateResult Run(CellKey cell, Seed root)
    {
        var seed = ReplicateSeed(root, cell.Replicate).Derive(Environments[(int)cell.Noise]);
        var env = cell.Noise switch
        {
            0 => BernoulliArms.Abrupt(Phases, Starts),
            1 => BernoulliArms.Drifting(Phases, Starts),
            _ => BernoulliArms.Abrupt(Collapse, Starts),
        };
        IBanditPolicy policy = cell.Method switch
        {
            "ucb1" => new Ucb1Policy(5),
            "sw-ucb" => new SlidingWindowUcbPolicy(5, (int)Math.Round(2 * Math.Sqrt(cell.Budget * Math.Log(cell.Budget) / 2))),
            "d-ucb" => new DiscountedUcbPolicy(5, 1 - Math.Sqrt(2.0 / cell.Budget) / 4),
            _ => new CusumUcbPolicy(5, 100, 0.05, Math.Log(cell.Budget), seed.Derive("cusum"), alpha: Math.Sqrt(2 * Math.Log(cell.Budget) / cell.Budget)),
        };
        var clock = Stopwatch.StartNew();
        var run = BanditClusterRun.Run(new ClusterConfig { Workers = 1 }, new BanditRunConfig { Rewards = cell.Budget }, policy, env, seed);
        var points = Enumerable.Range(1, 50).Select(i => i * cell.Budget / 50).ToArray();
        return SurveyResults.Make(cell, seed.Value, "cumulative-regret", run.Regret, run.Regret, run.Cluster.MakespanSeconds, clock.Elapsed.TotalSeconds, BanditCurves.At(run, points));
    }

    /// <inheritdoc />
    public override SurveyPartReport Report(IReadOnlyList<ReplicateResult> results)
    {
        var md = new StringBuilder("## Non-stationary rewards (survey section 4.3)\n\n");
        md.AppendLine("Cumulative dynamic regret (against the best arm at each pull) after T = 10 000 pulls, median [IQR]; ratio: mean regret over UCB1's on the same replicates with its 95 % CI; p: one-sided Wilcoxon signed-rank test (paired by replicate) that the method's regret is below UCB1's, Bonferroni over the 3 methods:\n");
        md.AppendLine("| environment | method | regret | ratio to UCB1 | p vs UCB1 |");
        md.AppendLine("|---|---|---|---|---|");
        var csv = new StringBuilder("environment,method,regret_median,regret_q1,regret_q3,ratio_to_ucb1,ratio_lower,ratio_upper,p_vs_ucb1\n");
        var series = new List<SurveySeries>();
        var verdicts = new List<SurveyVerdict>();
        var claim = SurveyClaim.Get("drift-adaptation");
        foreach (var (env, name) in Environments.Select((e, i) => ((double)i, e)))
        {
            var groups = Methods.Select(m => results.Where(r => r.Cell.Method == m && r.Cell.Noise == env).OrderBy(r => r.Cell.Replicate).ToList()).ToList();
            if (groups.Any(g => g.Count < 2) || groups.Any(g => g.Count != groups[0].Count))
            {
                continue;
            }

            var finals = groups.Select(g => (IReadOnlyList<double>)g.Select(r => r.FinalMetric).ToArray()).ToList();
            var vs = SurveyComparison.AgainstReference(finals[0], [.. Methods.Skip(1).Select((m, i) => (m, finals[i + 1]))]);
            for (int i = 0; i < Methods.Length; i++)
            {
                var s = SurveyStatistics.MedianIqr(finals[i]);
                string ratio = i == 0 ? "1" : $"{SurveyResults.G(vs[i - 1].Ratio)} [{SurveyResults.G(vs[i - 1].Lower)}, {SurveyResults.G(vs[i - 1].Upper)}]";
                string pText = i == 0 ? "—" : ReportText.P(vs[i - 1].P);
                md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Methods[i]} | {SurveyResults.G(s.Median)} [{SurveyResults.G(s.Q1)}, {SurveyResults.G(s.Q3)}] | {ratio} | {pText} |");
                csv.AppendLine(i == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{name},{Methods[i]},{s.Median},{s.Q1},{s.Q3},1,1,1,")
                    : string.Create(CultureInfo.InvariantCulture, $"{name},{Methods[i]},{s.Median},{s.Q1},{s.Q3},{vs[i - 1].Ratio:R},{vs[i - 1].Lower:R},{vs[i - 1].Upper:R},{vs[i - 1].P:R}"));
                series.Add(SurveyResults.Series($"drift-{name}", Methods[i], groups[i], "pulls", "cumulative dynamic regret"));
            }

            verdicts.AddRange(vs.Select(v => v.LowerVerdict(claim, $"{v.Method}, {name}", "ucb1")));
        }

        return new SurveyPartReport(md.ToString(), csv.ToString(), verdicts, series);
    }
}
