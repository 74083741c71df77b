using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Cases;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Cases;

public sealed class CaseLoaderTests
{
    private static readonly HashSet<string> Methods = ["random", "almab-dc-ucb"];

    private const string Valid = """
        // comments are allowed
        {
          "id": "toy",
          "title": "Toy",
          "source": { "paper": "000", "section": "3.9" },
          "objective": { "kind": "dose-response", "observation": "gaussian" },
          "budget": [10],
          "budgetUnit": "rounds",
          "initialDesign": { "kind": "fixed", "configurations": [[0.0], [8.0]] },
          "metric": "simple-regret",
          "methods": ["random", "almab-dc-ucb"],
          "cluster": { "workers": [1, 4], "dispatch": "synchronous" },
          "replicates": 3,
        }
        """;

    [Fact]
    public void A_valid_case_parses_into_typed_records()
    {
        var c = CaseLoader.Parse(Valid, "toy.json", Methods);
        Assert.Equal("toy", c.Id);
        var objective = Assert.IsType<DoseResponseSpec>(c.Objective);
        Assert.Equal(Almab.Algorithms.Objectives.Cases.DoseObservationModel.Gaussian, objective.Observation);
        Assert.Equal(0.5, objective.Lambda);
        Assert.Equal(BudgetUnit.Rounds, c.BudgetUnit);
        Assert.Equal(DispatchMode.Synchronous, c.Cluster.Dispatch);
        Assert.Equal(2, c.InitialDesign.Count);
        Assert.Equal(new[] { 0.18 }, CaseLoader.NoiseLevels(c).ToArray());
    }

    [Theory]
    [InlineData("\"replicates\": 3,", "\"replicates\": 3, \"replicats\": 4,", "replicats")]
    [InlineData("\"kind\": \"dose-response\"", "\"kind\": \"dose-respons\"", "kind")]
    [InlineData("\"replicates\": 3,", "\"replicates\": -3,", "replicates must be > 0")]
    [InlineData("\"workers\": [1, 4]", "\"workers\": [0, 4]", "cluster.workers")]
    [InlineData("[\"random\", \"almab-dc-ucb\"]", "[\"random\", \"magic\"]", "unknown method 'magic'")]
    [InlineData("\"budget\": [10]", "\"budget\": [-5]", "budget must be")]
    [InlineData("\"metric\": \"simple-regret\",", "\"metric\": \"accuracy\",", "metric")]
    [InlineData("\"title\": \"Toy\",", "", "title")]
    [InlineData("\"dispatch\": \"synchronous\"", "\"dispatch\": \"sometimes\"", "dispatch")]
    public void Bad_case_files_fail_with_one_line_naming_the_field(string find, string replace, string expected)
    {
        string json = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);
        var e = Assert.Throws<UsageException>(() => CaseLoader.Parse(json, "toy.json", Methods));
        Assert.StartsWith("toy.json: ", e.Message);
        Assert.Contains(expected, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Malformed_json_is_a_usage_error()
    {
        var e = Assert.Throws<UsageException>(() => CaseLoader.Parse("{ \"id\": ", "broken.json", Methods));
        Assert.StartsWith("broken.json: ", e.Message);
    }
}
