using Almab.Algorithms.BestArm;
using Almab.Algorithms.BestArm.Agents;
using Almab.Algorithms.BestArm.Replay;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.Bai;
using Almab.Experiments.Papers.Bai.RealWorld;

namespace Almab.Experiments.Tests.Papers.Bai.RealWorld;

public sealed class ReplayTests
{
    private static List<PullRecord> Records(ulong seed, int arms = 6, int pulls = 7)
    {
        var rng = new Rng(new Seed(seed));
        var list = new List<PullRecord>();
        for (int k = 0; k < arms; k++)
        {
            for (int i = 0; i < pulls; i++)
            {
                // Arm k's loss centres on 0.1 + 0.1 k: arm 0 is the best; arm k takes about 0.2 + 0.05 k seconds.
                list.Add(new PullRecord("d", $"arm{k}", i, 0.1 + 0.1 * k + 0.02 * rng.NextDouble(), 0.9, 0.3, 0.2 + 0.05 * k + 0.01 * rng.NextDouble()));
            }
        }

        return list;
    }

    [Fact]
    public void Replay_is_identical_for_the_same_seed_and_differs_for_another()
    {
        var arms = RealWorldArms.From(Records(1), "d", "cpu", "t");
        var a = RealWorldRun.Run(arms, "sh-rr", 12, 30, new Seed(5));
        var b = RealWorldRun.Run(arms, "sh-rr", 12, 30, new Seed(5));
        var c = RealWorldRun.Run(arms, "sh-rr", 12, 30, new Seed(6));
        Assert.Equal(a.Rows, b.Rows);
        Assert.NotEqual(a.Rows.Select(r => r.Seed), c.Rows.Select(r => r.Seed));
        Assert.Equal("replay-cpu", a.Env);
        Assert.Equal(0, arms.Pulls.BestArm);
    }

    [Fact]
    public void Every_agent_stops_within_the_budget_plus_one_pull_and_pulls_recorded_values_only()
    {
        var arms = RealWorldArms.From(Records(2), "d", "cpu", "t");
        foreach (string agent in BaiAgents.Names)
        {
            var cell = RealWorldRun.Run(arms, agent, 9.5, 20, new Seed(3));
            foreach (var row in cell.Rows)
            {
                // The loop stops once the total reaches C − 1; the last pull may pass it by at most one pull's seconds.
                Assert.True(row.Consumption1 < 9.5 - 1 + 0.46, $"{agent}: total {row.Consumption1}");
                Assert.True(row.Pulls > 0);
                Assert.InRange(row.Answer, -1, 5);
            }
        }
    }

    [Fact]
    public void Uniform_with_deterministic_consumption_makes_the_exact_number_of_pulls()
    {
        // Every arm consumes exactly 0.5 s: the episode stops at the pull that brings the total to C − 1 = 9 s, the 18th.
        var records = Enumerable.Range(0, 4).SelectMany(k => Enumerable.Range(0, 3).Select(i => new PullRecord("d", $"a{k}", i, 0.1 * (k + 1), 1, 0.5, 0.5))).ToList();
        var arms = RealWorldArms.From(records, "d", "cpu", "t");
        var episode = new ReplayEpisode();
        var outcome = episode.Run(arms.Pulls, new UniformAgent(), 10, new Seed(1));
        Assert.Equal(18, outcome.Pulls);
        Assert.Equal(9.0, episode.Total, 12);
        // Loss is constant per arm, so uniform's empirical best is arm 0 (the lowest loss): success every time.
        Assert.True(outcome.Success);
        Assert.Equal(0, outcome.Answer);
    }

    [Fact]
    public void The_wall_clock_can_be_replayed_instead_of_cpu()
    {
        var arms = RealWorldArms.From(Records(1), "d", "wall", "t");
        Assert.All(arms.Pulls.MeanConsumption, s => Assert.Equal(0.3, s, 12));
    }

    [Fact]
    public void A_table_without_the_data_set_or_with_a_tied_best_arm_is_refused()
    {
        Assert.Contains("no pulls of data set 'x'", Assert.Throws<InvalidDataException>(() => RealWorldArms.From(Records(1), "x", "cpu", "t")).Message);
        var tied = new List<PullRecord> { new("d", "a", 0, 0.5, 1, 1, 1), new("d", "b", 0, 0.5, 1, 1, 1) };
        Assert.Contains("no unique best arm", Assert.Throws<InvalidDataException>(() => RealWorldArms.From(tied, "d", "cpu", "t")).Message);
        var twice = new List<PullRecord> { new("d", "a", 0, 0.5, 1, 1, 1), new("d", "a", 0, 0.4, 1, 1, 1), new("d", "b", 0, 0.1, 1, 1, 1) };
        Assert.Contains("pull index twice", Assert.Throws<InvalidDataException>(() => RealWorldArms.From(twice, "d", "cpu", "t")).Message);
    }

    [Fact]
    public void The_replay_episode_refuses_a_budget_of_one_or_less()
    {
        var arms = RealWorldArms.From(Records(1), "d", "cpu", "t");
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayEpisode().Run(arms.Pulls, new UniformAgent(), 1.0, new Seed(1)));
    }

    [Fact]
    public void Recorded_pulls_refuse_bad_values()
    {
        Assert.Throws<ArgumentException>(() => RecordedPulls.Create([[1.0]], [[1.0]]));
        Assert.Throws<ArgumentException>(() => RecordedPulls.Create([[1.0], []], [[1.0], []]));
        Assert.Throws<ArgumentException>(() => RecordedPulls.Create([[1.0], [double.NaN]], [[1.0], [1.0]]));
        Assert.Throws<ArgumentException>(() => RecordedPulls.Create([[1.0], [0.0]], [[1.0], [-1.0]]));
    }
}
