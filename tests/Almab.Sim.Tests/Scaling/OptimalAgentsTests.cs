using Almab.Sim.Scaling;

namespace Almab.Sim.Tests.Scaling;

public class OptimalAgentsTests
{
    [Theory]
    [InlineData(0.08, 0.01, 1.0)]
    [InlineData(0.1, 0.002, 0.5)]
    [InlineData(0.02, 0.05, 0.8)]
    public void Eq7_is_the_minimum_of_the_serial_overhead_model(double p, double alpha, double beta)
    {
        double closed = OptimalAgents.ClosedForm(p, alpha, beta);
        var numeric = OptimalAgents.Numerical(new SerialOverheadModel(p, alpha, beta));
        Assert.True(numeric.Interior);
        Assert.Equal(closed, numeric.ContinuousWorkers, closed * 1e-7);
        Assert.InRange(numeric.IntegerWorkers, Math.Floor(closed), Math.Ceiling(closed));
    }

    [Fact]
    public void Eq7_value_by_hand()
    {
        // ((1 - 0.08) / (0.01 * 1 * 0.08))^(1/2) = sqrt(1150)
        Assert.Equal(Math.Sqrt(1150), OptimalAgents.ClosedForm(0.08, 0.01, 1.0), 12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Efficiency_model_has_no_interior_optimum_for_beta_at_most_one(double beta)
    {
        // d/dK [(1-p)(1/K + alpha K^(beta-1))] < 0 for beta < 1 (and -> 0 from below at beta = 1): T keeps falling.
        var result = OptimalAgents.Numerical(new EfficiencyAmdahlModel(0.08, 0.01, beta), maxWorkers: 1000);
        Assert.False(result.Interior);
        Assert.Equal(1000, result.IntegerWorkers);
    }

    [Fact]
    public void Efficiency_model_optimum_for_beta_above_one()
    {
        const double alpha = 0.01, beta = 1.5;
        var result = OptimalAgents.Numerical(new EfficiencyAmdahlModel(0.08, alpha, beta));
        Assert.True(result.Interior);
        Assert.Equal(Math.Pow(1 / (alpha * (beta - 1)), 1 / beta), result.ContinuousWorkers, 1e-6);
    }

    [Fact]
    public void Closed_form_needs_positive_parameters() =>
        Assert.Throws<ArgumentException>(() => OptimalAgents.ClosedForm(0.0, 0.01, 1.0));
}
