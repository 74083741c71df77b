using Almab.Experiments.Papers.AlmabDc.Scaling;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Scaling;

/// <summary>Appendix C's paper-internal verdicts, recomputed by hand from Tables 8 and 9.</summary>
public sealed class AppendixCConsistencyTests
{
    [Fact]
    public void TheStatedMlpSerialFractionContradictsItsOwnSpeedupWhileTable9FollowsTable8()
    {
        var verdicts = AppendixCConsistency.Verdicts().ToDictionary(v => v.Claim.Id);
        // p = (16 / 5.74 - 1) / 15 = 0.11916..., not 0.08.
        Assert.Equal((16 / 5.74 - 1) / 15, verdicts["appc-mlp-p"].Value, 12);
        Assert.Equal("not reproduced", verdicts["appc-mlp-p"].Verdict);
        // Amdahl with p = 0.08 at 16: 1 / (0.08 + 0.92 / 16) = 7.27, not 5.74.
        Assert.Equal(1 / (0.08 + 0.92 / 16), verdicts["amdahl-mlp"].Value, 9);
        Assert.Equal("not reproduced", verdicts["amdahl-mlp"].Verdict);
        // Table 8's MLP runtimes 40.042 / 6.982 = 5.735 rounds to Table 9's 5.74.
        Assert.Equal(40.042 / 6.982, verdicts["appc-t9-mlp-16"].Value, 12);
        Assert.Equal("reproduced", verdicts["appc-t9-mlp-16"].Verdict);
        Assert.Equal(12, verdicts.Keys.Count(k => k.StartsWith("appc-t9-", StringComparison.Ordinal)));
        Assert.Contains("paper-internal checks hold", AppendixCConsistency.Markdown(), StringComparison.Ordinal);
    }
}
