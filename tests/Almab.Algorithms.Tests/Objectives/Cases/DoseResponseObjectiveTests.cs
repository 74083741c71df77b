using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Objectives.Cases;

public sealed class DoseResponseObjectiveTests
{
    [Fact]
    public void Optimum_is_the_papers_x_star_3_5_with_f_star_0_684()
    {
        var objective = new DoseResponseObjective(DoseObservationModel.BernoulliUtility);
        var levels = objective.Space.Parameters[0].Levels;
        Assert.Equal(33, levels.Length);
        Assert.Equal(0.0, levels[0]);
        Assert.Equal(8.0, levels[^1]);
        double best = levels.Max(objective.Utility);
        Assert.Equal(3.5, levels.First(x => objective.Utility(x) == best));
        Assert.Equal(0.684, best, 0.0005);
        Assert.Equal(-best, objective.OptimalValue);
    }

    [Theory]
    [InlineData(DoseObservationModel.BernoulliUtility)]
    [InlineData(DoseObservationModel.Gaussian)]
    public void Observations_are_unbiased_for_minus_the_utility(DoseObservationModel model)
    {
        var objective = new DoseResponseObjective(model);
        var rng = new Rng(4);
        var x = new Configuration([2.5]);
        const int n = 40_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            var o = objective.Evaluate(x, 1, rng);
            Assert.Equal(-objective.Utility(2.5), o.TrueValue);
            sum += o.Value;
            sumSq += o.Value * o.Value;
        }

        double mean = sum / n, sd = Math.Sqrt(sumSq / n - mean * mean);
        Assert.InRange(mean, -objective.Utility(2.5) - 5 * sd / Math.Sqrt(n), -objective.Utility(2.5) + 5 * sd / Math.Sqrt(n));
        if (model == DoseObservationModel.Gaussian)
        {
            Assert.InRange(sd, 0.18 * 0.97, 0.18 * 1.03);
        }
        else
        {
            // Var(Y_eff - 0.5 Y_tox) = p_e(1 - p_e) + 0.25 p_t(1 - p_t) for independent outcomes.
            double pe = DoseResponseObjective.Efficacy(2.5), pt = DoseResponseObjective.Toxicity(2.5);
            Assert.InRange(sd * sd, (pe * (1 - pe) + 0.25 * pt * (1 - pt)) * 0.97, (pe * (1 - pe) + 0.25 * pt * (1 - pt)) * 1.03);
        }
    }
}
