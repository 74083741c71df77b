using Almab.Algorithms.Randomness;
using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Reporting;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Reporting;

/// <summary>The readings table printed by <c>almab run</c>: every reading case belongs to its base case and is shipped.</summary>
public sealed class ReadingsTableTests
{
    private static readonly IReadOnlySet<string> Known = MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [InlineData("case4-dose-response-best-observed-true", "case4-dose-response")]
    [InlineData("case4-dose-response-best-observed-noisy", "case4-dose-response")]
    [InlineData("illustrative-gaussian-mixture-cv01", "illustrative-gaussian-mixture")]
    [InlineData("illustrative-gaussian-mixture-deterministic", "illustrative-gaussian-mixture")]
    [InlineData("illustrative-gaussian-mixture-evaluations", "illustrative-gaussian-mixture")]
    [InlineData("illustrative-gaussian-mixture-evaluations-cv01", "illustrative-gaussian-mixture")]
    [InlineData("illustrative-gaussian-mixture-evaluations-deterministic", "illustrative-gaussian-mixture")]
    [InlineData("case5-spatial-field", "case5-spatial-field")]
    public void ReadingsBelongToTheirBaseCase(string id, string family)
    {
        Assert.Equal(family, ReadingsTable.Family(id));
        Assert.Contains(id, CaseCatalog.Default.Ids());
    }

    [Fact]
    public void EveryReadingClaimMapsToAPaperNumberThatTheBaseReadingAlsoChecks()
    {
        var ids = ClaimsCatalog.AlmabDc.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal("ill-regret-change", ReadingsTable.Number("ill-regret-change-evaluations-per-evaluation"));
        Assert.Equal("c5-random-ipv", ReadingsTable.Number("c5-random-distinct-ipv"));
        foreach (var claim in ClaimsCatalog.AlmabDc.Where(c => c.Case is not null && c.Case != ReadingsTable.Family(c.Case)))
        {
            string number = ReadingsTable.Number(claim.Id);
            Assert.True(ids.Contains(number), $"{claim.Id} maps to {number}, which is not a claim");
            Assert.Equal(claim.Stated, ClaimsCatalog.AlmabDc.Single(c => c.Id == number).Stated);
        }
    }

    [Fact]
    public void WithoutResultsEveryClaimOfTheFamilyIsNotRunAndTheCommandsAreNamed()
    {
        var definition = CaseLoader.Load(CaseCatalog.Default.Resolve("case4-dose-response"), Known);
        var writer = new StringWriter();
        ReadingsTable.Write(writer, definition, [], CaseCatalog.Default.Ids());
        string text = writer.ToString();
        Assert.Contains("paper numbers under each reading (case4-dose-response and its reading cases):", text, StringComparison.Ordinal);
        Assert.Contains("not run yet: almab run case4-dose-response-best-observed-true", text, StringComparison.Ordinal);
        Assert.Contains("not run yet: almab run case4-dose-response-best-observed-noisy", text, StringComparison.Ordinal);
        Assert.Contains("c4-equal-median (paper 0.101): no reading run yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DeterministicTaskTimesGiveFourTimesTheThroughputLessTheCoordinatorOverhead()
    {
        // Deterministic 1 s pulls and alpha K^beta = 0.0025 K s of coordinator time per decision (the case file); a synchronous
        // run makes 151 decisions (one before the first round, one after each of the 150 rounds). Makespan 150 + 151 x 0.0025 at
        // K = 1 and 150 + 151 x 0.01 at K = 4: per evaluation the speed-up is 4 x 150.3775 / 151.51 = 3.970 in every replicate.
        var definition = CaseLoader.Load(CaseCatalog.Default.Resolve("illustrative-gaussian-mixture-deterministic"), Known);
        var runner = new CaseCellRunner(new Dictionary<string, CaseDefinition> { [definition.Id] = definition }, MethodRegistry.Default, new Seed(7));
        var results = Enumerable.Range(0, 3).SelectMany(r => new[] { 1, 4 }.Select(k =>
            runner.Run(new CellKey(definition.Id, "ucb-averaging", k, 150, CaseLoader.NoiseLevels(definition)[0], r), CancellationToken.None))).ToList();
        var writer = new StringWriter();
        ReadingsTable.Write(writer, definition, results, CaseCatalog.Default.Ids());
        string text = writer.ToString();
        Assert.Contains("| illustrative-gaussian-mixture-deterministic | wall-clock speed-up, 4 agents vs 1, reading: deterministic task times, 150 rounds | 3.90 | 3.97 ", text, StringComparison.Ordinal);
        // The whole runs: 150.3775 / 151.51 = 0.9925 (K = 4 does four times the pulls in as many rounds).
        Assert.Contains("150 rounds (K = 4 does 4x the pulls) | 3.90 | 0.9925 ", text, StringComparison.Ordinal);
        Assert.Contains("not run yet: almab run illustrative-gaussian-mixture-evaluations", text, StringComparison.Ordinal);
    }
}
