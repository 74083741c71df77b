using Almab.Algorithms.Allocation;

namespace Almab.Algorithms.Tests.Allocation;

/// <summary>Section 7.2 regret of ATA-Empirical with eta = 1 (exact for exponential times, sigma_i / mu_i = 1).</summary>
public sealed class AtaEmpiricalRegretTests
{
    [Fact]
    public void Ata_empirical_regret_grows_logarithmically_and_allocations_converge_to_ofta()
    {
        var simulator = AtaRegretTests.Section72(2026);
        long rounds = AtaRegretTests.Rounds;
        var curve = RegretCurve.Measure(simulator, new AtaEmpiricalPolicy(20, eta: 1.0), rounds);

        Assert.InRange(curve.IncrementRatio, 0.75, 1.25);
        Assert.True(curve.AtEnd / rounds < curve.AtHalf / (rounds / 2));
        Assert.True(curve.AtHalf / (rounds / 2) < curve.AtQuarter / (rounds / 4));

        Assert.True(curve.OptimalShareSecondHalf > curve.OptimalShareSecondQuarter);
        Assert.True(curve.OptimalShareSecondHalf > 0.95, $"optimal share {curve.OptimalShareSecondHalf}");
        Assert.Equal(simulator.OracleAllocation(), curve.LastAllocation);
    }

    [Fact]
    public void Uniform_allocation_has_linear_regret_so_the_slope_check_can_fail()
    {
        // Control for the regret tests: UTA never learns, so its increments double with each doubling of t.
        var simulator = AtaRegretTests.Section72(7);
        var curve = RegretCurve.Measure(simulator, new UtaPolicy(20, new Almab.Algorithms.Randomness.Seed(8)), 1L << 16);
        Assert.InRange(curve.IncrementRatio, 1.9, 2.1);
    }
}
