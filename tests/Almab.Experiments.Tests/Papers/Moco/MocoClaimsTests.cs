using System.Collections.Immutable;
using Almab.Experiments.Papers.Moco;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Tests.Papers.Moco;

/// <summary>The claim and table statistics on synthetic replicates whose answers are known in closed form.</summary>
public sealed class MocoClaimsTests
{
    private static ReplicateResult R(string problem, string method, int instance, double hv) =>
        new(new CellKey(problem, method, 1, 100, 0, instance), 1, "hv-ratio", hv, double.NaN, 1, 0.1,
            [new EvaluationRow(99, 100, 0, 0, "", 10, double.NaN, hv, hv)]);

    [Fact]
    public void A_consistent_improvement_is_supported_with_the_exact_wilcoxon_p()
    {
        var results = new List<ReplicateResult>();
        for (int i = 0; i < 10; i++)
        {
            double baseHv = 0.5 + 0.01 * i;
            results.Add(R("bi-tsp-20", "dl", i, baseHv));
            results.Add(R("bi-tsp-20", "dl-ts", i, baseHv + 0.01 + 0.001 * i));
            results.Add(R("bi-tsp-20", "ws", i, baseHv / 0.9));
            results.Add(R("bi-tsp-20", "nsga2", i, baseHv + 0.02));
        }

        var (x, y) = MocoTable.Paired(results, "bi-tsp-20", "dl-ts", "dl");
        // All 10 differences positive with distinct ranks: exact one-sided p = 1 / 2^10.
        Assert.Equal(1.0 / 1024, MocoTable.WilcoxonP(x, y, Almab.Reports.Statistics.Alternative.Greater), 12);
        string md = MocoClaims.Markdown(results, ["bi-tsp-20"], MocoPaperValues.Default());
        Assert.Contains("| bi-tsp-20 | dl-ts − dl | 10 |", md);
        Assert.Contains("| bi-tsp-20 | dl | 10 | 0.900 | [0.900, 0.900] | 0.936 | agrees |", md);
        Assert.Contains("contradicted: the difference is negative", md); // dl − nsga2 = −0.02 everywhere
    }

    private static ReplicateResult Traced(string method, int budget, int instance, params (int Evaluations, double Hv)[] rows) =>
        new(new CellKey("bi-tsp-20", method, 1, budget, 0, instance), 1, "hv-ratio", rows[^1].Hv, double.NaN, 1, 0.1,
            [.. rows.Select(r => new EvaluationRow(r.Evaluations - 1, r.Evaluations, 0, 0, "", 5, double.NaN, r.Hv, r.Hv))]);

    [Fact]
    public void Equal_budget_reads_anytime_traces_and_budget_aware_extra_runs()
    {
        var main = new List<ReplicateResult>();
        var extra = new List<ReplicateResult>();
        for (int i = 0; i < 8; i++)
        {
            double pe = 0.4 + 0.01 * i;
            main.Add(Traced("parego", 10, i, (5, 0.1), (10, pe)));
            main.Add(Traced("nsga2", 100, i, (10, pe - 0.05), (100, 0.9)));      // at 10 evaluations: below ParEGO
            main.Add(Traced("dl", 100, i, (10, 0.01), (100, 0.95)));              // a truncated D&L run: must not be used
            extra.Add(Traced("dl", 10, i, (5, 0.2), (10, pe * (1.5 + 0.002 * i)))); // D&L given ParEGO's budget
        }

        Assert.Equal(0.35, MocoBudgetTable.AtParEgoBudget(main, extra, "bi-tsp-20", "nsga2")[0].Hv, 12);
        Assert.Equal(0.6, MocoBudgetTable.AtParEgoBudget(main, extra, "bi-tsp-20", "dl")[0].Hv, 12);
        Assert.Empty(MocoBudgetTable.AtParEgoBudget(main, [], "bi-tsp-20", "dl")); // budget-aware: never truncated
        string table = MocoBudgetTable.Markdown(main, extra, ["bi-tsp-20"], ["dl", "nsga2", "parego"]);
        Assert.Contains("| bi-tsp-20 | 10 | nsga2 | 8 |", table);
        string claim = MocoClaims.BayesianMarkdown(main, extra, ["bi-tsp-20"], MocoPaperValues.Default());
        // Gains 0.5 + 0.002 i (mean 0.507); all eight positive with distinct ranks: one-sided p = 1/256, one row.
        Assert.Contains("| bi-tsp-20 | dl | 10 | 8 | 0.507 |", claim);
        Assert.Contains("| 0.00391 | 0.568 | agrees |", claim);
        var worse = extra.Select(r => r with { FinalMetric = r.FinalMetric / 2.25 }).ToList(); // gains ≈ −1/3
        Assert.Contains("disagrees: ParEGO is higher", MocoClaims.BayesianMarkdown(main, worse, ["bi-tsp-20"], MocoPaperValues.Default()));
    }

    [Fact]
    public void Holm_skips_missing_p_values()
    {
        var adj = MocoTable.HolmIgnoringNaN([0.01, double.NaN, 0.04]);
        Assert.Equal(0.02, adj[0], 12);
        Assert.True(double.IsNaN(adj[1]));
        Assert.Equal(0.04, adj[2], 12);
    }
}
