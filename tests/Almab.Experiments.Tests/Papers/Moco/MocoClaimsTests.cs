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

    [Fact]
    public void Holm_skips_missing_p_values()
    {
        var adj = MocoTable.HolmIgnoringNaN([0.01, double.NaN, 0.04]);
        Assert.Equal(0.02, adj[0], 12);
        Assert.True(double.IsNaN(adj[1]));
        Assert.Equal(0.04, adj[2], 12);
    }
}
