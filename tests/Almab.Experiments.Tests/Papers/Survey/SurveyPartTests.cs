using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.Survey;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Tests.Papers.Survey;

/// <summary>Every survey part runs its cells deterministically and reports from a few replicates.</summary>
public sealed class SurveyPartTests
{
    public static TheoryData<string> Parts() => [.. SurveyParts.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Parts))]
    public void First_cell_of_each_method_is_deterministic_and_reportable(string name)
    {
        var part = SurveyParts.All.Single(p => p.Name == name);
        var cells = part.Cells(2);
        Assert.Equal(cells.Count, cells.Distinct().Count());
        Assert.All(cells, c => Assert.Equal(part.CaseId, c.CaseId));
        var picked = cells.GroupBy(c => (c.Method, c.Workers, c.Noise)).Select(g => g.First()).Take(4).ToList();
        var root = new Seed(11);
        foreach (var cell in picked)
        {
            var a = part.Run(cell, root);
            var b = part.Run(cell, root);
            Assert.Equal(cell, a.Cell);
            Assert.Equal(a.FinalMetric, b.FinalMetric);
            Assert.Equal(a.MakespanSeconds, b.MakespanSeconds);
            Assert.False(double.IsNaN(a.FinalMetric), $"{cell}: final metric is NaN"); // +infinity: a target never reached
        }
    }
}
