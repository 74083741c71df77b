using Almab.Sim.Scaling;

namespace Almab.Sim.Tests.Scaling;

public class ScalingLawsTests
{
    [Theory]
    [InlineData(16, 0.08, 1 / (0.08 + 0.92 / 16))]   // 7.273: Case 1's fitted p gives less than the 7.5x claimed
    [InlineData(16, 0.11, 1 / (0.11 + 0.89 / 16))]   // 6.038 vs the 5.8x claimed for Case 2
    [InlineData(4, 0.0, 4.0)]
    [InlineData(7, 1.0, 1.0)]
    public void Amdahl_matches_eq4(double k, double p, double expected) =>
        Assert.Equal(expected, ScalingLaws.AmdahlSpeedup(k, p), 12);

    [Fact]
    public void Amdahl_with_efficiency_divides_the_parallel_rate()
    {
        double eta = ScalingLaws.Efficiency(8, 0.05, 0.5);
        Assert.Equal(1 / (1 + 0.05 * Math.Sqrt(8)), eta, 14);
        Assert.Equal(1 / (0.1 + 0.9 / (eta * 8)), ScalingLaws.AmdahlSpeedup(8, 0.1, eta), 12);
    }

    [Fact]
    public void Gustafson_is_linear_in_K() =>
        Assert.Equal(0.1 + 0.9 * 16, ScalingLaws.GustafsonSpeedup(16, 0.1), 12);

    [Theory]
    [InlineData(0.5, 0.1)]
    [InlineData(4, -0.1)]
    [InlineData(4, double.NaN)]
    [InlineData(double.NaN, 0.1)]
    public void Invalid_arguments_are_rejected(double k, double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalingLaws.AmdahlSpeedup(k, p));

    [Fact]
    public void Amdahl_speedup_is_bounded_by_one_over_p()
    {
        for (double k = 1; k < 1e6; k *= 3)
        {
            Assert.True(ScalingLaws.AmdahlSpeedup(k, 0.08) < 1 / 0.08);
        }
    }
}
