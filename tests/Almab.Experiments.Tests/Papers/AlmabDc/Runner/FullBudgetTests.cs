using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Runner;

/// <summary>
/// Issue 17, item 3: every method of every shipped case, at every K of the case, spends exactly the stated budget
/// (evaluation budgets: N; round budgets: the initial design plus rounds x K), final partial batch included.
/// </summary>
public sealed class FullBudgetTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string id in CaseCatalog.Default.Ids())
        {
            // The cases folder is shared by the papers; ALMAB-DC's cases name paper 000 as their source.
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(CaseCatalog.Default.Resolve(id)),
                new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
            if (doc.RootElement.TryGetProperty("source", out var source) && source.TryGetProperty("paper", out var paper) && paper.GetString() == "000")
            {
                data.Add(id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryMethodAtEveryKSpendsTheStatedBudget(string caseId)
    {
        var registry = MethodRegistry.Default;
        var definition = CaseLoader.Load(CaseCatalog.Default.Resolve(caseId), registry.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));
        var runner = new CaseCellRunner(new Dictionary<string, CaseDefinition> { [caseId] = definition }, registry, new Seed(17));
        int budget = definition.Budget[0];
        double noise = definition.Noise.IsDefaultOrEmpty ? definition.Objective.DefaultNoise : definition.Noise[0];
        foreach (string method in definition.Methods)
        {
            foreach (int k in definition.Cluster.Workers)
            {
                var result = runner.Run(new CellKey(caseId, method, k, budget, noise, 0), CancellationToken.None);
                int expected = definition.BudgetUnit == BudgetUnit.Rounds ? definition.InitialDesign.Count + budget * k : budget;
                Assert.True(expected == result.Evaluations.Length, $"{caseId}/{method}/K={k}: {result.Evaluations.Length} evaluations, budget {expected}");
            }
        }
    }
}
