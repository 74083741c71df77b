using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Claims;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Claims;

/// <summary>The p-value, effective-speedup and mean-reward checks on synthetic case-5 cells with closed-form answers.</summary>
public class ClaimChecksTests
{
    private const string Case = "case5-spatial-field";

    private static readonly CaseDefinition Definition =
        CaseLoader.Load(CaseCatalog.Default.Resolve(Case), MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));

    private static ReplicateResult Replicate(string method, int workers, int replicate, double[] metric, double[]? observed = null) => new(
        new CellKey(Case, method, workers, 30, 0.2, replicate), 1, "ipv", metric[^1], double.NaN, metric.Length / (double)workers, 0,
        [.. metric.Select((v, j) => new EvaluationRow(j, j, 0, 0, "", observed?[j] ?? 0, 0, 0, v))]);

    private static ClaimSpec Claim(string check, double stated) =>
        new() { Id = "t", Paper = "000", Where = "w", Quantity = "q", Stated = stated, Check = check, Case = Case, Method = "almab-dc-ucb", Workers = 1 };

    /// <summary>Five replicates per method with final values a + 0.01 r and b + 0.01 r: disjoint when |a − b| &gt; 0.05.</summary>
    private static List<ReplicateResult> TwoMethods(double a, double b) =>
    [
        .. Enumerable.Range(0, 5).Select(r => Replicate("almab-dc-ucb", 1, r, [1, a + 0.01 * r])),
        .. Enumerable.Range(0, 5).Select(r => Replicate("lhs", 1, r, [1, b + 0.01 * r])),
    ];

    [Fact]
    public void Mann_whitney_claim_reports_the_bonferroni_corrected_one_sided_p()
    {
        var claim = Claim("mann-whitney", 0.001) with { Versus = "lhs", Alternative = "less", Comparisons = 3 };
        var evaluator = new ClaimEvaluator(TwoMethods(0.1, 0.5), id => id == Case ? Definition : null);

        // All five of almab-dc-ucb below all five of lhs, no ties: exact one-sided p = 1 / C(10, 5) = 1/252, × 3.
        var verdict = evaluator.Evaluate(claim);
        Assert.Equal(3 / 252.0, verdict.Value, 12);
        Assert.Equal("not reproduced", verdict.Verdict); // 0.0119 is not below 0.001
        Assert.Contains("one-sided Mann–Whitney U", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("Bonferroni × 3", verdict.Reason, StringComparison.Ordinal);
        Assert.Equal("reproduced", evaluator.Evaluate(claim with { Stated = 0.05 }).Verdict);

        // The other direction: p = 1 (capped) and not reproduced.
        var reversed = new ClaimEvaluator(TwoMethods(0.5, 0.1), id => id == Case ? Definition : null).Evaluate(claim with { Stated = 0.05 });
        Assert.Equal(1.0, reversed.Value);
        Assert.Equal("not reproduced", reversed.Verdict);
    }

    [Fact]
    public void Mann_whitney_claim_without_the_other_method_is_not_run()
    {
        var claim = Claim("mann-whitney", 0.001) with { Versus = "random", Alternative = "less", Comparisons = 3 };
        var verdict = new ClaimEvaluator(TwoMethods(0.1, 0.5), id => id == Case ? Definition : null).Evaluate(claim);
        Assert.Equal("not run", verdict.Verdict);
    }

    [Fact]
    public void Effective_speedup_is_the_ratio_of_rounds_to_the_K1_final_median()
    {
        // Four initial points (metric 1), then one point per round at K = 1 (1 − 0.1 r, final 0.2 after round 8) and four per
        // round at K = 4 (1 − 0.4 r: 0.6 after round 1, 0.2 after round 2): 8 rounds / 2 rounds = 4.
        double[] k1 = [1, 1, 1, 1, .. Enumerable.Range(1, 8).Select(r => 1 - 0.1 * r)];
        double[] k4 = [1, 1, 1, 1, .. Enumerable.Range(1, 12).Select(i => 1 - 0.4 * ((i + 3) / 4))];
        var results = Enumerable.Range(0, 3).SelectMany(r => new[] { Replicate("almab-dc-ucb", 1, r, k1), Replicate("almab-dc-ucb", 4, r, k4) }).ToList();
        var claim = Claim("effective-speedup", 4) with { Workers = 4 };

        var verdict = new ClaimEvaluator(results, id => id == Case ? Definition : null).Evaluate(claim);

        Assert.Equal(4, verdict.Value, 12);
        Assert.Equal("reproduced", verdict.Verdict);
        Assert.Contains("round 8", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("round 2", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Makespan_ratio_compares_whole_runs_while_speedup_compares_time_per_evaluation()
    {
        // K = 1: 4 evaluations in 4 s; K = 4: 8 evaluations in 8 / 4 = 2 s. Whole runs: 4 / 2 = 2; per evaluation: (4/4) / (2/8) = 4.
        var results = Enumerable.Range(0, 3).SelectMany(r => new[]
        {
            Replicate("almab-dc-ucb", 1, r, [1, 1, 1, 1]),
            Replicate("almab-dc-ucb", 4, r, [1, 1, 1, 1, 1, 1, 1, 1]),
        }).ToList();
        var evaluator = new ClaimEvaluator(results, id => id == Case ? Definition : null);
        Assert.Equal(2, evaluator.Evaluate(Claim("makespan-ratio", 2) with { Workers = 4 }).Value, 12);
        Assert.Equal(4, evaluator.Evaluate(Claim("speedup", 4) with { Workers = 4 }).Value, 12);
    }

    [Fact]
    public void Stated_decimals_set_the_rounding_the_paper_value_may_carry()
    {
        // 3.90 as printed carries +-0.005; JSON reads it back as 3.9, which alone would allow +-0.05 and accept 3.917.
        var results = Enumerable.Range(0, 5).Select(r => Replicate("almab-dc-ucb", 1, r, [1, 3.917])).ToList();
        var evaluator = new ClaimEvaluator(results, id => id == Case ? Definition : null);
        Assert.Equal("reproduced", evaluator.Evaluate(Claim("median-final", 3.9)).Verdict);
        var printed = Claim("median-final", 3.9) with { Decimals = 2 };
        Assert.Equal("not reproduced", evaluator.Evaluate(printed).Verdict);
        Assert.Equal("3.90", printed.StatedText);
        Assert.Equal(0.005, printed.RoundingHalfWidth, 15);
    }

    [Fact]
    public void Mean_reward_is_minus_the_mean_observed_value()
    {
        var r = Replicate("m", 4, 0, [3, 2, 1, 0], observed: [-0.5, -0.3, -0.1, -0.3]);
        Assert.Equal(0.3, ClaimStatistics.PerReplicate("mean-reward", r), 12);
        Assert.Equal(4 / 4.0, ClaimStatistics.PerReplicate("makespan", r), 12);
        Assert.Equal(0, ClaimStatistics.PerReplicate("mean-final", r));
        Assert.Throws<ArgumentException>(() => ClaimStatistics.PerReplicate("median-reward", r));
    }

    [Fact]
    public void Relative_change_of_mean_reward_is_the_ratio_of_means_minus_one()
    {
        // Mean reward 0.4 at K = 1 (replicates 0.3, 0.5) and 0.5 at K = 4 (0.45, 0.55): change = 0.5/0.4 − 1 = 0.25.
        var results = new List<ReplicateResult>
        {
            Replicate("almab-dc-ucb", 1, 0, [0, 0], observed: [-0.3, -0.3]),
            Replicate("almab-dc-ucb", 1, 1, [0, 0], observed: [-0.4, -0.6]),
            Replicate("almab-dc-ucb", 4, 0, [0, 0], observed: [-0.45, -0.45]),
            Replicate("almab-dc-ucb", 4, 1, [0, 0], observed: [-0.5, -0.6]),
        };
        var claim = Claim("relative-change", 0.25) with { Workers = 4, Of = "mean-reward" };
        var verdict = new ClaimEvaluator(results, id => id == Case ? Definition : null).Evaluate(claim);
        Assert.Equal(0.25, verdict.Value, 12);
        Assert.Equal("reproduced", verdict.Verdict);

        var own = new ClaimEvaluator(results, id => id == Case ? Definition : null).Evaluate(Claim("own-model", 0.5126) with { Workers = 4, Of = "mean-reward" });
        Assert.Equal(0.5, own.Value, 12);
        Assert.Equal("not reproducible", own.Verdict);
    }

    [Theory]
    [InlineData("ill-reward-k1", 0.4182, "own-model", 1)]
    [InlineData("ill-reward-k4", 0.5126, "own-model", 4)]
    [InlineData("ill-reward-change", 0.225, "relative-change", 4)]
    [InlineData("ill-wallclock-k1", 2.137, "own-model", 1)]
    [InlineData("ill-wallclock-k4", 0.548, "own-model", 4)]
    [InlineData("c4-k2-zero", 0, "median-final", 2)]
    [InlineData("c4-effective-speedup", 4, "effective-speedup", 4)]
    [InlineData("c4-p-equal", 0.001, "mann-whitney", 1)]
    [InlineData("c4-p-random", 0.001, "mann-whitney", 1)]
    [InlineData("c4-p-dopt", 0.001, "mann-whitney", 1)]
    [InlineData("c4-p-purebo", 0.001, "mann-whitney", 1)]
    [InlineData("c5-p-lhs", 0.001, "mann-whitney", 1)]
    [InlineData("c5-p-random", 0.001, "mann-whitney", 1)]
    public void Shipped_claims_hold_the_papers_numbers(string id, double stated, string check, int workers)
    {
        var claim = Assert.Single(ClaimsCatalog.AlmabDc, c => c.Id == id);
        Assert.Equal(stated, claim.Stated);
        Assert.Equal(check, claim.Check);
        Assert.Equal(workers, claim.Workers);
        Assert.Equal("000", claim.Paper);
    }
}
