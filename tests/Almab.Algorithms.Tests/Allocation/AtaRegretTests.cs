using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Allocation;

/// <summary>
/// Section 7.2 of the ATA paper: n = 20, B = 5, worker i's task time Exp(2i) (scale = mean = 2i, as the paper
/// defines Exp(beta) by its scale in section 7). ATA's alpha = max_i ||X_i||_psi1 = 2 * 40 = 80 seconds (the exact
/// Orlicz norm of Exp(40), also the paper's section-7 rule alpha = 2 mu_n). With these constants the uniform
/// exploration phase alone lasts ~10^5 rounds, so the logarithmic regime is tested over T = 2^22 rounds
/// (checkpoints T/4, T/2, T), the shortest horizon where it has set in.
/// </summary>
public sealed class AtaRegretTests
{
    internal const long Rounds = 1L << 22;

    internal static AllocationRoundSimulator Section72(ulong seed) =>
        new(ShiftedExponentialTaskTimes.Exponential(20, 2.0), 5, new Seed(seed));

    [Fact]
    public void Ata_regret_grows_logarithmically_and_allocations_converge_to_ofta()
    {
        var simulator = Section72(2025);
        var curve = RegretCurve.Measure(simulator, new AtaPolicy(20, alpha: 80.0), Rounds);

        // Slope against ln t over [T/4, T/2] and [T/2, T] (equal lengths in ln t): stable means a ratio near 1;
        // sqrt(t) growth would give 1.41 and linear growth 2.
        Assert.InRange(curve.IncrementRatio, 0.75, 1.25);

        // Averaged regret R_t / t decreases.
        Assert.True(curve.AtEnd / Rounds < curve.AtHalf / (Rounds / 2));
        Assert.True(curve.AtHalf / (Rounds / 2) < curve.AtQuarter / (Rounds / 4));

        // The oracle allocation is played more and more often, and in most rounds of the second half.
        Assert.True(curve.OptimalShareSecondHalf > curve.OptimalShareSecondQuarter);
        Assert.True(curve.OptimalShareSecondHalf > 0.5, $"optimal share {curve.OptimalShareSecondHalf}");
    }
}
