using Almab.Algorithms.Randomness;
using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Claims;

/// <summary>Section 2.6's budget and regret-count readings, recomputed from the stored pulls.</summary>
public sealed class IllustrativeReadingsTests
{
    private static readonly IReadOnlySet<string> Known = MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [InlineData("illustrative-gaussian-mixture", 1, 150)]
    [InlineData("illustrative-gaussian-mixture", 4, 600)]
    [InlineData("illustrative-gaussian-mixture-evaluations", 1, 150)]
    [InlineData("illustrative-gaussian-mixture-evaluations", 4, 150)]
    public void RegretPerEvaluationIsTheSumOverPullsAndPerRoundIsItsKthPart(string caseId, int k, int pulls)
    {
        var definition = CaseLoader.Load(CaseCatalog.Default.Resolve(caseId), Known);
        var runner = new CaseCellRunner(new Dictionary<string, CaseDefinition> { [definition.Id] = definition }, MethodRegistry.Default, new Seed(11));
        var r = runner.Run(new CellKey(definition.Id, "ucb-averaging", k, 150, CaseLoader.NoiseLevels(definition)[0], 0), CancellationToken.None);

        Assert.Equal(pulls, r.Evaluations.Length);
        // UCB pulls every one of the 15 arms in its first 15 decisions, so the smallest true value seen is the optimum
        // (the objective is minimized: reward = -value, regret of a pull = value - optimum).
        double optimum = r.Evaluations.Min(e => e.TrueValue);
        double perPull = r.Evaluations.Sum(e => e.TrueValue - optimum);
        Assert.Equal(perPull, ClaimStatistics.PerReplicate("regret-per-evaluation", r), 9);
        Assert.Equal(perPull / k, r.FinalMetric, 9);
    }
}
