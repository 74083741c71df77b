using Almab.Experiments.Papers.Ata;

namespace Almab.Experiments.Tests.Papers.Ata;

/// <summary>README's generated ATA rows: the values printed are the run's, verdicts per cell, markers respected.</summary>
public sealed class AtaReadmeRowsTests
{
    private static readonly Dictionary<(string Model, int N, string Method), (double Worker, double Runtime)> Paper = new()
    {
        [("sqrt", 17, "OFTA")] = (1.26, 1.74),
        [("sqrt", 51, "OFTA")] = (3.03, 2.17),
    };

    [Fact]
    public void RowsShowTheRunsMeansAndACellByCellVerdict()
    {
        AtaTableRow[] rows =
        [
            new("sqrt", 51, "OFTA", 3.031, 3.02, 3.04, 2.170, 2.168, 2.172, 100),
            new("sqrt", 17, "OFTA", 1.262, 1.255, 1.27, 1.744, 1.7435, 1.7445, 100), // 1.74 +- 0.005 reaches 1.7435
            new("sqrt", 17, "UTA", 1.0, 0.9, 1.1, 1.0, 0.9, 1.1, 100), // not stated by the paper: left out
        ];
        var regret = new[] { new AtaRegretCurve("ATA", [1, 2, 4], [0, 1, 2], [0, 0, 0], 1, 1, 1.04), new AtaRegretCurve("ATA-E", [1, 2, 4], [0, 1, 2], [0, 0, 0], 1, 1, 1.9) };
        string text = AtaReadmeRows.Render(rows, Paper, regret, 3);
        Assert.Contains("| Table 1 (§7) OFTA total-worker-time ratio GTA / method, n = 17 / 51 | 1.26 / 3.03 | 1.262 / 3.031 | reproduced |", text, StringComparison.Ordinal);
        Assert.Contains("| Table 1 (§7) OFTA runtime ratio method / GTA, n = 17 / 51 | 1.74 / 2.17 | 1.744 / 2.17 | reproduced |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("UTA", text, StringComparison.Ordinal);
        Assert.Contains("= 1.04 (1 = logarithmic, 2 = linear) | consistent with logarithmic |", text, StringComparison.Ordinal);
        Assert.Contains("= 1.90 (1 = logarithmic, 2 = linear) | not logarithmic |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ACellWhoseIntervalMissesThePaperIsNamedWithItsGap()
    {
        // 9.1 carries +-0.05; a CI of [9.2, 9.3] misses it by +1.6 % at its midpoint.
        var paper = new Dictionary<(string Model, int N, string Method), (double Worker, double Runtime)> { [("sqrt", 153, "OFTA")] = (9.1, 2.17) };
        AtaTableRow[] rows = [new("sqrt", 153, "OFTA", 9.25, 9.2, 9.3, 2.17, 2.16, 2.18, 10)];
        string text = AtaReadmeRows.Render(rows, paper, [], 2);
        Assert.Contains("| 9.1 | 9.25 | 0 of 1 reproduced (not reproduced (+1.6 %)) |", text, StringComparison.Ordinal);
        Assert.Contains("Almab (mean of 2 seeds)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceKeepsEverythingOutsideTheMarkers()
    {
        string readme = $"top\n{AtaReadmeRows.BeginMarker}\nold row\n{AtaReadmeRows.EndMarker}\nbottom\n";
        Assert.Equal($"top\n{AtaReadmeRows.BeginMarker}\nnew\n{AtaReadmeRows.EndMarker}\nbottom\n", AtaReadmeRows.Replace(readme, "new\n"));
        Assert.Throws<FormatException>(() => AtaReadmeRows.Replace("no markers", "x"));
    }
}
