using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almab.Algorithms.Bandits;
using Almab.Algorithms.Bandits.Environments;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Reporting;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>
/// Contextual hyperparameter selection (survey 001 section 2.4): LinUCB (alpha = 1) and linear TS (v = 0.1) against non-contextual UCB1 on <see cref="ContextualHpoEmulator"/>, T = 3000 data sets in sequence (one
/// decision each). Regret is against the best configuration for each data set. Cell axes: Noise = the ridge lambda
/// of both linear policies (1 by default, --lambda), Workers = 1.
/// </summary>
public sealed class ContextualPart : SurveyPart
{
    private static readonly string[] Methods = ["linucb", "lints", "ucb1"];
    private const int Horizon = 3000;

    /// <inheritdoc />
    public override string Name => "contextual";

    /// <inheritdoc />
    public override string Description => "LinUCB and linear TS vs non-contextual UCB1 on the contextual HPO emulator (20 configurations, d = 5, T = 3000). About 15 s on 2 cores.";

    /// <inheritdoc />
    public override IReadOnlyList<CellKey> Cells(int replicates, SurveyOptions options) =>
        [.. from m in Methods from r in Enumerable.Range(0, replicates) select new CellKey(CaseId, m, 1, Horizon, options.Lambda, r)];

    /// <inheritdoc />
    public override ReplicateResult Run(CellKey cell, Seed root)
    {
        var seed = ReplicateSeed(root, cell.Replicate);
        var contexts = seed.Derive("contexts").CreateRng();
        var noise = seed.Derive("noise").CreateRng();
        IContextualBanditPolicy? linear = cell.Method switch
        {
            "linucb" => new LinUcbPolicy(ContextualHpoEmulator.Arms, ContextualHpoEmulator.Dimension, alpha: 1.0, lambda: cell.Noise),
            "lints" => new LinearThompsonPolicy(ContextualHpoEmulator.Arms, ContextualHpoEmulator.Dimension, seed.Derive("lints"), scale: 0.1, lambda: cell.Noise),
            _ => null,
        };
        var ucb = linear is null ? new Ucb1Policy(ContextualHpoEmulator.Arms) : null;
        var x = new double[ContextualHpoEmulator.Dimension];
        var checkpoints = SurveyResults.Checkpoints(cell.Budget).ToHashSet();
        var curve = new List<(double, double, double, double)>();
        double regret = 0;
        var clock = Stopwatch.StartNew();
        for (int t = 1; t <= cell.Budget; t++)
        {
            ContextualHpoEmulator.DrawContext(contexts, x);
            double eps = ContextualHpoEmulator.NoiseSd * noise.NextGaussian();
            int arm = linear?.Select(x) ?? ucb!.Select();
            double acc = ContextualHpoEmulator.Accuracy(arm, x);
            regret += ContextualHpoEmulator.BestAccuracy(x) - acc;
            if (linear is not null)
            {
                linear.Update(arm, x, acc + eps);
            }
            else
            {
                ucb!.Update(arm, acc + eps);
            }

            if (checkpoints.Contains(t))
            {
                curve.Add((t, regret, double.NaN, 0.0));
            }
        }

        return SurveyResults.Make(cell, seed.Value, "cumulative-regret", regret, regret, cell.Budget, clock.Elapsed.TotalSeconds, curve);
    }

    /// <inheritdoc />
    public override SurveyPartReport Report(IReadOnlyList<ReplicateResult> results)
    {
        var md = new StringBuilder("## Contextual hyperparameter selection (survey section 2.4)\n\n");
        md.AppendLine("Cumulative regret (accuracy points summed over data sets) after T = 3000, median [IQR]; ratio: mean regret over UCB1's on the same replicates with its 95 % CI; p: one-sided Wilcoxon signed-rank test (paired by replicate) that the method's regret is below UCB1's, Bonferroni over 2:\n");
        md.AppendLine("| method | regret | ratio to UCB1 | p vs UCB1 |");
        md.AppendLine("|---|---|---|---|");
        var csv = new StringBuilder("method,regret_median,regret_q1,regret_q3,ratio_to_ucb1,ratio_lower,ratio_upper,p_vs_ucb1\n");
        var groups = Methods.Select(m => results.Where(r => r.Cell.Method == m).OrderBy(r => r.Cell.Replicate).ToList()).ToList();
        var series = new List<SurveySeries>();
        var verdicts = new List<SurveyVerdict>();
        if (groups.All(g => g.Count >= 2 && g.Count == groups[0].Count))
        {
            var finals = groups.Select(g => (IReadOnlyList<double>)g.Select(r => r.FinalMetric).ToArray()).ToList();
            var vs = SurveyComparison.AgainstReference(finals[2], [(Methods[0], finals[0]), (Methods[1], finals[1])]);
            for (int i = 0; i < Methods.Length; i++)
            {
                var s = SurveyStatistics.MedianIqr(finals[i]);
                string ratio = i == 2 ? "1" : $"{SurveyResults.G(vs[i].Ratio)} [{SurveyResults.G(vs[i].Lower)}, {SurveyResults.G(vs[i].Upper)}]";
                string pText = i == 2 ? "—" : ReportText.P(vs[i].P);
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Methods[i]} | {SurveyResults.G(s.Median)} [{SurveyResults.G(s.Q1)}, {SurveyResults.G(s.Q3)}] | {ratio} | {pText} |");
                csv.AppendLine(i == 2
                    ? string.Create(CultureInfo.InvariantCulture, $"{Methods[i]},{s.Median},{s.Q1},{s.Q3},1,1,1,")
                    : string.Create(CultureInfo.InvariantCulture, $"{Methods[i]},{s.Median},{s.Q1},{s.Q3},{vs[i].Ratio:R},{vs[i].Lower:R},{vs[i].Upper:R},{vs[i].P:R}"));
                series.Add(SurveyResults.Series("contextual-regret", Methods[i], groups[i], "data sets (T)", "cumulative regret (accuracy)"));
            }

            var claim = SurveyClaim.Get("contextual-linucb");
            verdicts.AddRange(vs.Select(v => v.LowerVerdict(claim, v.Method, "ucb1")));
        }

        return new SurveyPartReport(md.ToString(), csv.ToString(), verdicts, series);
    }
}
