using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Objectives.Cases;

public sealed class GaussianMixtureArmsObjectiveTests
{
    [Fact]
    public void Mean_rewards_follow_the_mixture_formula_with_normalized_weights()
    {
        var o = new GaussianMixtureArmsObjective(
            [new MixtureComponent(2, [0.0], 1.0), new MixtureComponent(6, [3.0], 0.5)],
            [[0.0], [1.0], [3.0]],
            noiseSd: 0.1);
        Assert.Equal(0.25 + 0.75 * Math.Exp(-0.5 * 9 / 0.25), o.MeanRewards[0], 1e-14);
        Assert.Equal(0.25 * Math.Exp(-0.5) + 0.75 * Math.Exp(-0.5 * 4 / 0.25), o.MeanRewards[1], 1e-14);
        Assert.Equal(0.25 * Math.Exp(-4.5) + 0.75, o.MeanRewards[2], 1e-14);
        Assert.Equal(o.MeanRewards[2], o.BestMeanReward);
    }

    [Fact]
    public void Observations_are_minus_reward_plus_gaussian_noise()
    {
        var o = new GaussianMixtureArmsObjective([new MixtureComponent(1, [0.5], 0.2)], [[0.0], [0.5]], noiseSd: 0.3);
        var rng = new Rng(8);
        const int n = 20_000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += o.Evaluate(new Configuration([1.0]), 1, rng).Value;
        }

        Assert.InRange(sum / n, -1 - 5 * 0.3 / Math.Sqrt(n), -1 + 5 * 0.3 / Math.Sqrt(n));
    }

    [Fact]
    public void Invalid_mixtures_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new GaussianMixtureArmsObjective([new MixtureComponent(0, [0.0], 1)], [[0.0], [1.0]], 0.1));
        Assert.Throws<ArgumentException>(() => new GaussianMixtureArmsObjective([new MixtureComponent(1, [0.0, 1.0], 1)], [[0.0], [1.0]], 0.1));
    }
}
