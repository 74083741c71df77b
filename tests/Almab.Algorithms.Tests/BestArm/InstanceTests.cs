using Almab.Algorithms.BestArm;
using Almab.Algorithms.BestArm.Agents;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.BestArm;

public sealed class InstanceTests
{
    [Theory]
    [InlineData(new[] { 0.5 }, 10.0, "K must be >= 2")]
    [InlineData(new[] { 0.5, 0.4 }, 0.0, "budget C[0] must be finite and > 0")]
    [InlineData(new[] { 0.5, 0.4 }, -3.0, "budget C[0] must be finite and > 0")]
    [InlineData(new[] { 0.5, 1.2 }, 10.0, "mean reward r[1] must be in [0, 1]")]
    [InlineData(new[] { double.NaN, 0.2 }, 10.0, "mean reward r[0] must be in [0, 1]")]
    public void Bad_instances_are_rejected_with_a_message_naming_the_field(double[] means, double budget, string message)
    {
        var row = Enumerable.Repeat(0.5, means.Length).ToArray();
        Assert.False(BestArmInstance.TryCreate("x", means, [row], [budget], out _, out string error));
        Assert.Contains(message, error);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void Consumption_outside_unit_interval_is_rejected()
    {
        Assert.False(BestArmInstance.TryCreate("x", [0.5, 0.4], [[0.5, 1.5]], [10], out _, out string error));
        Assert.Contains("d[0][1]", error);
    }

    [Fact]
    public void Families_have_the_published_means()
    {
        var lin = SyntheticInstance.Means(RewardFamily.Linear, 256);
        Assert.Equal(0.9, lin[0], 15);
        Assert.Equal(0.1, lin[255], 15);
        Assert.Equal(0.9 - 0.8 / 255, lin[1], 15);
        var geo = SyntheticInstance.Means(RewardFamily.Geometric, 256);
        Assert.Equal(0.1, geo[255], 14);
        Assert.Equal(geo[1] / geo[0], geo[2] / geo[1], 12);
        var poly = SyntheticInstance.Means(RewardFamily.Polynomial, 256);
        Assert.Equal(0.9 * (1 - Math.Sqrt(2.0 / 256)), poly[1], 15);
        Assert.Equal(0.0, poly[255], 15);
        var trap = SyntheticInstance.Means(RewardFamily.Trap, 256);
        Assert.Equal(31, trap.Count(r => r == 0.8));
        Assert.Equal(224, trap.Count(r => r == 0.1));
        var comp = SyntheticInstance.Means(RewardFamily.OneCompetitor, 256);
        Assert.Equal([0.9, 0.8, 0.0], comp.Take(3));
        foreach (RewardFamily f in Enum.GetValues<RewardFamily>())
        {
            Assert.True(new SyntheticInstance(f, ConsumptionMatching.HL).TryBuild(out var i, out _));
            Assert.Equal(0, i!.BestArm);
        }
    }

    [Fact]
    public void Matchings_put_the_top_half_on_the_stated_side()
    {
        Assert.True(new SyntheticInstance(RewardFamily.Linear, ConsumptionMatching.Mixture, Resources: 2).TryBuild(out var m, out _));
        Assert.Equal(0.1, m!.MeanConsumption(0, 0));
        Assert.Equal(0.9, m.MeanConsumption(0, 128));
        Assert.Equal(0.9, m.MeanConsumption(1, 0));
        Assert.Equal(0.1, m.MeanConsumption(1, 255));
        Assert.True(new SyntheticInstance(RewardFamily.Linear, ConsumptionMatching.HH, Resources: 2).TryBuild(out var hh, out _));
        Assert.Equal(0.9, hh!.MeanConsumption(1, 127));
        Assert.Equal(0.1, hh.MeanConsumption(1, 128));
        Assert.False(new SyntheticInstance(RewardFamily.Linear, ConsumptionMatching.Mixture).TryBuild(out _, out string e));
        Assert.Contains("Mixture needs L = 2", e);
        Assert.False(new SyntheticInstance(RewardFamily.Trap, ConsumptionMatching.HL, Arms: 16).TryBuild(out _, out _));
    }

    [Fact]
    public void Correlated_consumption_uses_one_uniform_for_reward_and_consumption()
    {
        // r = 0.9, d = 0.1: consumption 1 implies U < 0.1 < 0.9, hence reward 1.
        var instance = BestArmInstance.Create("c", [0.9, 0.5], [[0.1, 0.1]], [10]);
        var env = new BestArmEnvironment(instance, ConsumptionModel.Correlated);
        var rng = new Rng(3);
        var c = new double[1];
        int consumed = 0;
        for (int i = 0; i < 20000; i++)
        {
            double r = env.Pull(0, rng, c);
            Assert.True(c[0] == 0 || r == 1);
            consumed += (int)c[0];
        }

        Assert.InRange(consumed / 20000.0, 0.09, 0.11);
    }

    [Fact]
    public void Episodes_are_deterministic_and_shuffle_with_a_recorded_seed()
    {
        Assert.True(new SyntheticInstance(RewardFamily.Trap, ConsumptionMatching.HL, Arms: 64, Budget: 300).TryBuild(out var inst, out _));
        var env = new BestArmEnvironment(inst!, ConsumptionModel.Uncorrelated);
        var a = new BestArmEpisode().Run(env, new ShRrAgent(), new Seed(9));
        var b = new BestArmEpisode().Run(env, new ShRrAgent(), new Seed(9));
        Assert.Equal(a, b);
        var perm = new int[64];
        BestArmEpisode.Shuffle(perm, new Rng(a.PermutationSeed));
        Assert.Equal(Enumerable.Range(0, 64), perm.Order());
        Assert.NotEqual(Enumerable.Range(0, 64), perm);
    }
}
