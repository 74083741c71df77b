using Almab.Algorithms.Bandits;
using Almab.Algorithms.Bandits.Environments;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Runs.Bandits;

namespace Almab.Sim.Tests.Runs.Bandits;

public sealed class BanditClusterRunTests
{
    private static readonly double[] Means = [0.9, 0.8, 0.6, 0.5, 0.2];
    private static readonly Seed Root = new Seed(77).Derive("replicate").Derive(0);

    [Fact]
    public void One_worker_without_latency_is_the_sequential_bandit_loop()
    {
        var env = BernoulliArms.Stationary(Means);
        var run = BanditClusterRun.Run(new ClusterConfig { Workers = 1 }, new BanditRunConfig { Rewards = 500 }, new Ucb1Policy(5), env, Root);

        var policy = new Ucb1Policy(5);
        var noise = Root.Derive("pulls").Derive("noise");
        double regret = 0;
        for (int i = 0; i < 500; i++)
        {
            int arm = policy.Select();
            policy.Update(arm, env.Sample(arm, i, noise.Derive(i).CreateRng()));
            regret += 0.9 - Means[arm];
            Assert.Equal(regret, run.CumulativeRegret[i], 12);
            Assert.Equal(i + 1.0, run.RewardTimes[i], 12);
        }
    }

    [Fact]
    public void Synchronous_rounds_are_batches_of_K_and_take_one_pull_time_each()
    {
        var policy = new BatchUcbPolicy(new Ucb1Policy(5));
        var cluster = new ClusterConfig { Workers = 4, Dispatch = DispatchMode.Synchronous };
        var run = BanditClusterRun.Run(cluster, new BanditRunConfig { Rewards = 102, PullSeconds = 2.0 }, policy, BernoulliArms.Stationary(Means), Root);
        Assert.Equal(26 * 2.0, run.Cluster.MakespanSeconds, 12);
        Assert.Equal(26, run.Cluster.Decisions - 1); // 26 rounds of jobs plus the final empty decision
        Assert.Equal(102, run.CumulativeRegret.Length);
    }

    [Theory]
    [InlineData(FailureRule.Retry)]
    [InlineData(FailureRule.Drop)]
    public void Failed_pulls_are_retried_or_dropped_and_never_reach_the_policy(FailureRule rule)
    {
        var policy = new Ucb1Policy(5);
        var cluster = new ClusterConfig { Workers = 3, TaskTime = new ExponentialDuration(1.0), Communication = new CommunicationModel { Latency = new DeterministicDuration(0.1) } };
        var config = new BanditRunConfig { Rewards = 400, FailureProbability = 0.2, Rule = rule };
        var run = BanditClusterRun.Run(cluster, config, policy, BernoulliArms.Stationary(Means), Root);

        Assert.InRange(run.FailedPulls, 60, 140); // about 0.2 / 0.8 * 400 = 100
        Assert.Equal(rule == FailureRule.Retry ? run.FailedPulls : 0, run.Retried);
        Assert.Equal(rule == FailureRule.Drop ? run.FailedPulls : 0, run.Dropped);
        Assert.Equal(400 + run.FailedPulls, run.Cluster.TasksCompleted);
        long counted = 0;
        for (int i = 0; i < 5; i++)
        {
            counted += policy.Count(i);
        }

        Assert.Equal(400, counted); // exactly the rewards: no failed pull left pending or counted
    }

    [Fact]
    public void Drop_rule_needs_a_policy_that_can_abandon()
    {
        var config = new BanditRunConfig { Rewards = 10, FailureProbability = 0.1, Rule = FailureRule.Drop };
        var ex = Assert.Throws<ArgumentException>(() => BanditClusterRun.Run(new ClusterConfig { Workers = 2 }, config, new Exp3Policy(5, 0.1, new Seed(1)), BernoulliArms.Stationary(Means), Root));
        Assert.Contains("drop rule", ex.Message);
    }

    [Fact]
    public void Same_seed_gives_identical_runs()
    {
        var cluster = new ClusterConfig { Workers = 4, TaskTime = new ExponentialDuration(1.0), Communication = new CommunicationModel { Latency = new ExponentialDuration(0.2) } };
        var config = new BanditRunConfig { Rewards = 300, FailureProbability = 0.05 };
        var a = BanditClusterRun.Run(cluster, config, new GaussianThompsonPolicy(5, new Seed(3)), BernoulliArms.Stationary(Means), Root);
        var b = BanditClusterRun.Run(cluster, config, new GaussianThompsonPolicy(5, new Seed(3)), BernoulliArms.Stationary(Means), Root);
        Assert.Equal(a.CumulativeRegret.ToArray(), b.CumulativeRegret.ToArray());
        Assert.Equal(a.RewardTimes.ToArray(), b.RewardTimes.ToArray());
        Assert.Equal(a.Cluster, b.Cluster);
    }
}
