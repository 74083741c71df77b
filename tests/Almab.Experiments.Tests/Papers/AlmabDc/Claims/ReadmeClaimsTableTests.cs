using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Claims;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Claims;

/// <summary>The README table generator: a stable format (snapshot) and a replacement that touches only the marked region.</summary>
public sealed class ReadmeClaimsTableTests
{
    private static ClaimVerdict Verdict(string id, double stated, double value, double lo, double hi, string verdict) => new(
        new ClaimSpec { Id = id, Paper = "000", Where = "3.10, Figure 12b", Quantity = "median IPV | K = 1", Stated = stated, Check = "median-final" },
        value, lo, hi, verdict, "why");

    [Fact]
    public void TheFormatIsStable()
    {
        string table = ReadmeClaimsTable.Render([
            Verdict("a", 0.061, 0.060231, 0.06008, 0.06032, "not reproduced"),
            Verdict("b", 1.52, 1.519, double.NaN, double.NaN, "reproduced"),
            Verdict("c", 3, double.NaN, double.NaN, double.NaN, "not run"),
        ]);
        Assert.Equal(
            "| claim (paper, place) | paper | Almab [95 % CI] | verdict |\n"
            + "|---|---|---|---|\n"
            + "| median IPV \\| K = 1 (000 3.10, Figure 12b) | 0.061 | 0.06023 [0.06008, 0.06032] | not reproduced |\n"
            + "| median IPV \\| K = 1 (000 3.10, Figure 12b) | 1.52 | 1.519 | reproduced |\n",
            table.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void OnlyTheMarkedRegionIsReplaced()
    {
        string text = $"# T\nbefore\n{ReadmeClaimsTable.BeginMarker}\nold row\n{ReadmeClaimsTable.EndMarker}\nafter\n";
        string result = ReadmeClaimsTable.Replace(text, "NEW\n");
        Assert.Equal($"# T\nbefore\n{ReadmeClaimsTable.BeginMarker}\nNEW\n{ReadmeClaimsTable.EndMarker}\nafter\n", result);
        Assert.Equal(result, ReadmeClaimsTable.Replace(result, "NEW\n"));
        Assert.Throws<FormatException>(() => ReadmeClaimsTable.Replace("no markers", "x"));
    }
}
