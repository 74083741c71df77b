using System.Collections.Immutable;
using System.Globalization;
using Almab.Algorithms.Randomness;
using MathNet.Numerics;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Reporting;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Reporting;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Reporting;

/// <summary>
/// The report's analysis figures on synthetic case-4 results whose statistics have closed forms: a consistent ranking
/// of four methods in three K blocks (Friedman χ² = 9), and completely separated samples of five (exact Mann–Whitney
/// p = 2 / C(10, 5) two-sided).
/// </summary>
public sealed class ReportFiguresTests : IDisposable
{
    private const string Case = "case4-dose-response";
    private const double Optimum = -0.684;
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-report-figures-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    private static CaseDefinition Definition() =>
        CaseLoader.Load(CaseCatalog.Default.Resolve(Case), MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));

    /// <summary>Five replicates whose final regrets are <paramref name="level"/> + 0.001 r (r = 0..4): levels 0.1 apart never overlap.</summary>
    private static IEnumerable<ReplicateResult> Cell(string method, int workers, double level, int budget = 10, double noise = 0.18)
    {
        for (int r = 0; r < 5; r++)
        {
            double final = level + 0.001 * r;
            double[] truths = [-0.2, -0.4, -0.5 + 0.01 * r, -0.6, Optimum + final, Optimum + final];
            var rows = truths.Select((t, i) => new EvaluationRow(i, i + 1, 0, 0, $"({i})", t, t, truths[..(i + 1)].Min(), final + 0.1 * (truths.Length - 1 - i)));
            double regret = truths.Sum(t => t - Optimum);
            yield return new ReplicateResult(new CellKey(Case, method, workers, budget, noise, r), 1, "simple-regret", final, regret,
                truths.Length / (double)workers, 0.01, [.. rows]);
        }
    }

    private (string Index, IReadOnlyList<string> Lines) Report(IEnumerable<ReplicateResult> results)
    {
        var list = results.ToList();
        var context = new ReportContext(Definition(), list, lowerIsBetter: true, _dir, new Seed(1), new List<string>());
        var lines = ReportBundle.Figures(context).ToList();
        return (string.Join("\n", lines), lines);
    }

    private static IEnumerable<ReplicateResult> FourMethods(params int[] ks) => ks.SelectMany(k =>
        Cell("almab-dc-ucb", k, 0.01).Concat(Cell("random", k, 0.11)).Concat(Cell("pure-bo", k, 0.21)).Concat(Cell("almab-dc-no-mab", k, 0.31)));

    [Fact]
    public void Methods_are_ordered_as_in_the_case_then_by_name()
    {
        var order = ReportContext.OrderMethods(Definition(), ["zeta", "pure-bo", "almab-dc-no-mab", "almab-dc-ucb", "random"]);
        Assert.Equal(["almab-dc-ucb", "random", "pure-bo", "almab-dc-no-mab", "zeta"], order);
    }

    [Fact]
    public void Friedman_over_the_K_blocks_matches_the_closed_form()
    {
        var (index, _) = Report(FourMethods(1, 2, 4));

        // Ranks 1, 2, 3, 4 in each of N = 3 blocks: χ² = 12 / (N k (k + 1)) Σ R_j² − 3 N (k + 1) = 0.2 · 270 − 45 = 9;
        // chi-square with 3 df: P(X > x) = erfc(sqrt(x / 2)) + sqrt(2 x / π) exp(−x / 2). Exactly: the largest
        // statistic needs all three blocks to rank alike, probability 4! / (4!)^3 = 1/576.
        double p = SpecialFunctions.Erfc(Math.Sqrt(4.5)) + Math.Sqrt(18 / Math.PI) * Math.Exp(-4.5);
        Assert.Equal(0.029292, p, 5);
        Assert.Contains("blocks = the K values K = 1, 2, 4 at N = 10, σ = 0.18", index, StringComparison.Ordinal);
        Assert.Contains($"χ² = 9, df = 3, p = {G(1 / 576.0)} (exact permutation distribution; chi-square approximation {G(p)})", index, StringComparison.Ordinal);
        Assert.Contains("mean ranks almab-dc-ucb 1, random 2, pure-bo 3, almab-dc-no-mab 4", index, StringComparison.Ordinal);

        // Nemenyi: q(0.05, k = 4) = 2.569 (Demšar 2006, Table 5a), CD = q sqrt(k (k + 1) / (6 N)).
        Assert.Contains($"CD = {G(2.569 * Math.Sqrt(20 / 18.0))}", index, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "critical-difference.svg")));
    }

    [Fact]
    public void Ablation_compares_each_present_ablation_with_the_full_method()
    {
        var (index, lines) = Report(FourMethods(1, 2));

        // Two ablations present (pure-bo, almab-dc-no-mab), samples of 5 completely separated: exact two-sided p = 2/252, × 2.
        string line = Assert.Single(lines, l => l.Contains("ablation.png", StringComparison.Ordinal) || l.StartsWith("- [ablation.svg]", StringComparison.Ordinal));
        Assert.Contains($"K = 1: almab-dc-no-mab p = {G(4 / 252.0)}, pure-bo p = {G(4 / 252.0)}", line, StringComparison.Ordinal);
        Assert.Contains("Bonferroni × 2 per K", line, StringComparison.Ordinal);
        Assert.DoesNotContain("random p", line, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "ablation.svg")));
        Assert.Contains("regret.svg", index, StringComparison.Ordinal);
    }

    [Fact]
    public void No_ablation_figure_without_an_ablated_variant()
    {
        var (index, _) = Report(Cell("almab-dc-ucb", 1, 0.01).Concat(Cell("random", 1, 0.11)));
        Assert.DoesNotContain("ablation", index, StringComparison.Ordinal);
        Assert.DoesNotContain("critical-difference", index, StringComparison.Ordinal); // two methods, one block
        Assert.DoesNotContain("budget-sensitivity", index, StringComparison.Ordinal);
        Assert.DoesNotContain("noise-robustness", index, StringComparison.Ordinal);
        Assert.DoesNotContain("convergence-rate", index, StringComparison.Ordinal); // case 4 states no threshold
    }

    [Fact]
    public void Budget_and_noise_figures_appear_when_the_grid_varies_them()
    {
        var results = Cell("almab-dc-ucb", 1, 0.01).Concat(Cell("random", 1, 0.11))
            .Concat(Cell("almab-dc-ucb", 1, 0.005, budget: 20)).Concat(Cell("random", 1, 0.105, budget: 20))
            .Concat(Cell("almab-dc-ucb", 1, 0.02, noise: 0.36)).Concat(Cell("random", 1, 0.5, noise: 0.36));
        var (_, lines) = Report(results);

        string budget = Assert.Single(lines, l => l.Contains("budget-sensitivity", StringComparison.Ordinal));
        Assert.Contains("N = 10, 20", budget, StringComparison.Ordinal);
        Assert.Contains($"Bonferroni × 2: N = 10 p = {G(4 / 252.0)}, N = 20 p = {G(4 / 252.0)}", budget, StringComparison.Ordinal);
        string noise = Assert.Single(lines, l => l.Contains("noise-robustness", StringComparison.Ordinal));
        Assert.Contains("σ = 0.18, 0.36", noise, StringComparison.Ordinal);
        Assert.Contains($"Bonferroni × 2: almab-dc-ucb p = {G(4 / 252.0)}, random p = {G(4 / 252.0)}", noise, StringComparison.Ordinal);
    }

    [Fact]
    public void Instant_regret_sums_to_the_stored_cumulative_regret()
    {
        foreach (var replicate in Cell("random", 1, 0.11))
        {
            double[] regret = RegretReport.InstantRegret(replicate);
            Assert.Equal(replicate.CumulativeRegret, regret.Sum(), 12);
            Assert.Equal(replicate.Evaluations[0].TrueValue - Optimum, regret[0], 12);
        }
    }

    [Fact]
    public void Per_decision_regret_groups_rounds_of_K_after_the_initial_design()
    {
        // Stored cumulative regret per decision with K = 2 (each pull adds half its regret): increments 0.1, 0.3, 0.2, 0.2, 0.5, 0.1.
        double[] metric = [0.1, 0.4, 0.6, 0.8, 1.3, 1.4];
        var rows = metric.Select((m, i) => new EvaluationRow(i, i, 0, 0, "", 0, 0, 0, m)).ToImmutableArray();
        var replicate = new ReplicateResult(new CellKey("c", "m", 2, 3, 0, 0), 1, "cumulative-regret", 1.4, 1.4, 3, 0, rows);
        double[] decisions = RegretReport.PerDecision(replicate, 2, 0);
        Assert.Equal([0.4, 0.4, 0.6], decisions.Select(d => Math.Round(d, 12)));
        Assert.Equal([0.1, 0.3, 0.4, 0.6], RegretReport.PerDecision(replicate, 2, 2).Select(d => Math.Round(d, 12)));
    }

    [Fact]
    public void Evaluations_to_threshold_is_the_first_crossing_or_n_plus_one()
    {
        var replicate = Cell("random", 1, 0.11).First();

        // Metric after evaluation i (1-based) is 0.11 + 0.1 (6 - i): 0.61, 0.51, 0.41, 0.31, 0.21, 0.11.
        Assert.Equal(3, ThresholdReport.EvaluationsTo(replicate, 0.45, lowerIsBetter: true, n: 6));
        Assert.Equal(6, ThresholdReport.EvaluationsTo(replicate, 0.11, lowerIsBetter: true, n: 6));
        Assert.Equal(7, ThresholdReport.EvaluationsTo(replicate, 0.05, lowerIsBetter: true, n: 6));
        Assert.Equal(1, ThresholdReport.EvaluationsTo(replicate, 0.6, lowerIsBetter: false, n: 6));
    }

    [Fact]
    public void Threshold_figure_is_drawn_when_the_case_states_a_threshold()
    {
        var list = FourMethods(1).ToList();
        var context = new ReportContext(Definition(), list, lowerIsBetter: true, _dir, new Seed(1), new List<string>()) { Thresholds = [0.3] };
        string line = Assert.Single(ThresholdReport.Write(context));

        // almab-dc-ucb reaches 0.3 at evaluation 4 in every replicate, random at 5, pure-bo at 6 and almab-dc-no-mab never
        // (7 = n + 1). Two tied groups of 5: normal approximation with tie correction, U = 25, mean 12.5,
        // var = 25/12 (11 − 2 (5³ − 5) / 90), continuity 0.5; one-sided p = Φ(−z), Bonferroni × 3.
        double z = (25 - 12.5 - 0.5) / Math.Sqrt(25 / 12.0 * (11 - 240 / 90.0));
        double p = 3 * 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));
        Assert.Contains($"Bonferroni × 3: ≤ 0.3: random p = {ReportText.P(p)}, pure-bo p = {ReportText.P(p)}, almab-dc-no-mab p = {ReportText.P(p)}", line, StringComparison.Ordinal);
        Assert.Equal("0.00597", ReportText.P(p)); // 3 Φ(−2.88) = 3 · 0.0019884
        Assert.Contains("never reached = 7", line, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "convergence-rate.svg")));
    }
}
