using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almab.Algorithms.Bandits;
using Almab.Algorithms.Bandits.Environments;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Reporting;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Reports.Statistics;
using Almab.Sim.Cluster;
using Almab.Sim.Runs.Bandits;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>
/// Non-stationary rewards (survey 001 section 4.3): UCB1 against sliding-window UCB, discounted UCB and CUSUM-restarting
/// UCB on K = 5 Bernoulli arms over T = 10 000 pulls, sequential (one worker). Parameters are the theory's choices for
/// Y = 2 breakpoints, not tuned here: W = 2 sqrt(T ln T / Y) = 429 and gamma = 1 - sqrt(Y / T) / 4 = 0.99646 (Garivier
/// and Moulines 2011); CUSUM M = 100, eps = 0.05, h = ln(T) = 9.2, alpha = sqrt(Y ln T / T) = 0.043 (Liu et al. 2018).
/// "abrupt": at pulls 3000 and 6500 a different arm becomes best while the old best stays fair (the case that defeats
/// a long memory); "drift": the means move linearly between the same three mean vectors. Cell axes: Noise = 0 (abrupt)
/// or 1 (drift).
/// </summary>
public sealed class DriftPart : SurveyPart
{
    private static readonly string[] Methods = ["ucb1", "sw-ucb", "d-ucb", "cusum-ucb"];
    private static readonly double[][] Phases = [[0.8, 0.6, 0.5, 0.4, 0.3], [0.65, 0.85, 0.5, 0.4, 0.3], [0.65, 0.55, 0.9, 0.4, 0.3]];
    private static readonly long[] Starts = [0, 3000, 6500];
    private const int Horizon = 10_000;

    /// <inheritdoc />
    public override string Name => "drift";

    /// <inheritdoc />
    public override string Description => "SW-UCB, discounted UCB and CUSUM-UCB vs UCB1 after abrupt changes and under slow drift (K = 5, T = 10 000). About 30 s on 2 cores.";

    /// <inheritdoc />
    public override IReadOnlyList<CellKey> Cells(int replicates) =>
        [.. from m in Methods from e in new[] { 0.0, 1.0 } from r in Enumerable.Range(0, replicates) select new CellKey(CaseId, m, 1, Horizon, e, r)];

    /// <inheritdoc />
    public override ReplicateResult Run(CellKey cell, Seed root)
    {
        var seed = ReplicateSeed(root, cell.Replicate).Derive(cell.Noise == 0 ? "abrupt" : "drift");
        var env = cell.Noise == 0 ? BernoulliArms.Abrupt(Phases, Starts) : BernoulliArms.Drifting(Phases, Starts);
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
        md.AppendLine("Cumulative dynamic regret (against the best arm at each pull) after T = 10 000 pulls, median [IQR]; p: one-sided Mann-Whitney U that the method's regret is below UCB1's, Bonferroni over the 3 methods:\n");
        md.AppendLine("| environment | method | regret | p vs UCB1 |");
        md.AppendLine("|---|---|---|---|");
        var csv = new StringBuilder("environment,method,regret_median,regret_q1,regret_q3,p_vs_ucb1\n");
        var series = new List<SurveySeries>();
        foreach (var (env, name) in new[] { (0.0, "abrupt"), (1.0, "drift") })
        {
            var groups = Methods.Select(m => results.Where(r => r.Cell.Method == m && r.Cell.Noise == env).OrderBy(r => r.Cell.Replicate).ToList()).ToList();
            if (groups.Any(g => g.Count < 2))
            {
                continue;
            }

            var finals = groups.Select(g => (IReadOnlyList<double>)g.Select(r => r.FinalMetric).ToArray()).ToList();
            var p = ReportStatistics.BonferroniMannWhitney(finals[0], finals.Skip(1).ToList(), Alternative.Greater);
            for (int i = 0; i < Methods.Length; i++)
            {
                var s = SurveyStatistics.MedianIqr(finals[i]);
                string pText = i == 0 ? "—" : ReportText.P(p[i - 1]);
                md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Methods[i]} | {SurveyResults.G(s.Median)} [{SurveyResults.G(s.Q1)}, {SurveyResults.G(s.Q3)}] | {pText} |");
                csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{name},{Methods[i]},{s.Median},{s.Q1},{s.Q3},{(i == 0 ? "" : p[i - 1].ToString("R", CultureInfo.InvariantCulture))}"));
                series.Add(SurveyResults.Series($"drift-{name}", Methods[i], groups[i], "pulls", "cumulative dynamic regret"));
            }
        }

        return new SurveyPartReport(md.ToString(), csv.ToString(), [], series);
    }
}
