using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Claims;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Claims;

/// <summary>Paper-internal checks recomputed by hand: Table 9 against Table 8, and p from S(16).</summary>
public sealed class PaperConsistencyTests
{
    private static ClaimSpec Claim(string check, double stated, double numerator, double? denominator = null, int? workers = null) => new()
    {
        Id = "t", Paper = "000", Where = "w", Quantity = "q", Stated = stated, Check = check, Numerator = numerator, Denominator = denominator, Workers = workers,
    };

    [Fact]
    public void TableNineSpeedupsFollowFromTableEightRuntimes()
    {
        // MLP: 40.042 / 6.982 = 5.7350..., which rounds to the stated 5.74 (half-width 0.005).
        var v = PaperConsistency.Evaluate(Claim("paper-ratio", 5.74, 40.042, 6.982));
        Assert.Equal(40.042 / 6.982, v.Value, 12);
        Assert.Equal("reproduced", v.Verdict);
        Assert.Equal("not reproduced", PaperConsistency.Evaluate(Claim("paper-ratio", 5.80, 40.042, 6.982)).Verdict);
    }

    [Fact]
    public void TheStatedMlpSerialFractionDoesNotGiveItsOwnSpeedup()
    {
        // S = 1/(p + (1 - p)/16) = 5.74  =>  p = (16/5.74 - 1)/15 = 0.11916...
        var v = PaperConsistency.Evaluate(Claim("amdahl-serial-fraction", 0.08, 5.74, workers: 16));
        Assert.Equal((16 / 5.74 - 1) / 15, v.Value, 12);
        Assert.Equal("not reproduced", v.Verdict);
        Assert.Equal("reproduced", PaperConsistency.Evaluate(Claim("amdahl-serial-fraction", 0.12, 5.74, workers: 16)).Verdict);
    }
}
