using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Reporting;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Reporting;

/// <summary>The readings table printed by <c>almab run</c>: every reading case belongs to its base case and is shipped.</summary>
public sealed class ReadingsTableTests
{
    [Theory]
    [InlineData("case4-dose-response-best-observed-true", "case4-dose-response")]
    [InlineData("case4-dose-response-best-observed-noisy", "case4-dose-response")]
    [InlineData("illustrative-gaussian-mixture-cv01", "illustrative-gaussian-mixture")]
    [InlineData("illustrative-gaussian-mixture-deterministic", "illustrative-gaussian-mixture")]
    [InlineData("case5-spatial-field", "case5-spatial-field")]
    public void ReadingsBelongToTheirBaseCase(string id, string family)
    {
        Assert.Equal(family, ReadingsTable.Family(id));
        Assert.Contains(id, CaseCatalog.Default.Ids());
    }

    [Fact]
    public void WithoutResultsEveryClaimOfTheCaseIsListedAsNotRunAndSiblingsAreNamed()
    {
        var known = CaseCatalog.Default.Ids();
        var definition = CaseLoader.Load(CaseCatalog.Default.Resolve("case4-dose-response"),
            Almab.Experiments.Papers.AlmabDc.Methods.MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));
        var writer = new StringWriter();
        ReadingsTable.Write(writer, definition, [], known);
        string text = writer.ToString();
        Assert.Contains("paper numbers and readings (case4-dose-response):", text, StringComparison.Ordinal);
        Assert.Contains("almab run case4-dose-response-best-observed-true", text, StringComparison.Ordinal);
        Assert.Contains("almab run case4-dose-response-best-observed-noisy", text, StringComparison.Ordinal);
    }
}
