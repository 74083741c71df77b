using Almab.Algorithms.BestArm;
using Almab.Algorithms.BestArm.Agents;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Runs.BestArm;

namespace Almab.Sim.Tests.Runs.BestArm;

public sealed class BestArmClusterRunTests
{
    private static BestArmInstance Instance()
    {
        Assert.True(new SyntheticInstance(RewardFamily.Trap, ConsumptionMatching.HL, Arms: 64, Budget: 120).TryBuild(out var i, out _));
        return i!;
    }

    [Theory]
    [InlineData(ConsumptionModel.Deterministic)]
    [InlineData(ConsumptionModel.Uncorrelated)]
    public void Answers_equal_the_plain_episode_and_the_makespan_is_the_total_time_consumed(ConsumptionModel model)
    {
        var env = new BestArmEnvironment(Instance(), model);
        var cluster = new ClusterConfig { Workers = 1 };
        var episode = new BestArmEpisode();
        for (int trial = 0; trial < 20; trial++)
        {
            var seed = new Seed(77).Derive(trial);
            var plain = episode.Run(env, new ShRrAgent(), seed);
            var run = BestArmClusterRun.Run(env, new ShRrAgent(), seed, cluster);
            Assert.Equal(plain, run.Outcome);
            Assert.Equal(episode.Totals[0], run.Totals[0], 9);
            // One worker at unit speed, no latency: pulls run back to back, each lasting its consumption.
            Assert.Equal(run.Totals[0], run.Cluster.MakespanSeconds, 9);
            Assert.Equal(run.Outcome.Pulls, run.ArrivalSeconds.Length);
            Assert.True(run.ArrivalSeconds.Zip(run.ArrivalSeconds.Skip(1)).All(p => p.First <= p.Second));
        }
    }

    [Fact]
    public void A_slower_worker_stretches_the_wall_clock_axis_without_changing_the_answer()
    {
        var env = new BestArmEnvironment(Instance(), ConsumptionModel.Deterministic);
        var seed = new Seed(5);
        var fast = BestArmClusterRun.Run(env, new UcbAgent(), seed, new ClusterConfig { Workers = 1 });
        var slow = BestArmClusterRun.Run(env, new UcbAgent(), seed, new ClusterConfig { Workers = 1, TaskTime = new DeterministicDuration(3.0) });
        Assert.Equal(fast.Outcome, slow.Outcome);
        Assert.Equal(3 * fast.Cluster.MakespanSeconds, slow.Cluster.MakespanSeconds, 9);
    }

    [Fact]
    public void The_time_resource_must_exist()
    {
        var env = new BestArmEnvironment(Instance(), ConsumptionModel.Deterministic);
        Assert.Throws<ArgumentOutOfRangeException>(() => BestArmClusterRun.Run(env, new UniformAgent(), new Seed(1), new ClusterConfig { Workers = 1 }, timeResource: 1));
    }
}
