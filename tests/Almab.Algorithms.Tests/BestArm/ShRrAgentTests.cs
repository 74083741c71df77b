using Almab.Algorithms.BestArm;
using Almab.Algorithms.BestArm.Agents;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.BestArm;

public sealed class ShRrAgentTests
{
    [Fact]
    public void Two_arms_deterministic_consumption_split_the_whole_budget_evenly()
    {
        // K = 2: one phase with ration C; it ends with the episode at total >= C - 1 = 10: 20 pulls of 0.5, 10 each.
        var agent = new ShRrAgent();
        var chosen = ScriptedPulls.Run(agent, [11], (a, _) => a == 1 ? 1 : 0, (_, _) => 0.5, 2, out var totals);
        Assert.Equal(20, chosen.Count);
        Assert.Equal(10, agent.Pulls(0));
        Assert.Equal(10, agent.Pulls(1));
        Assert.Equal(10.0, totals[0]);
        Assert.Equal([0, 1, 0, 1], chosen.Take(4));
        // The 20th pull brings the phase use to R - 1 = 10: the agent's own check performs the last elimination.
        Assert.Equal(1, agent.Survivors);
        Assert.Equal(1, agent.Recommend());
    }

    [Fact]
    public void Recommend_performs_the_last_elimination_when_two_survivors_remain()
    {
        var agent = new ShRrAgent();
        agent.Reset(2, [100], 4);
        for (int i = 0; i < 6; i++)
        {
            int arm = agent.Choose();
            agent.Observe(arm, arm == 0 ? 0.75 : 0.25, [1.0]);
        }

        Assert.Equal(2, agent.Survivors);
        Assert.Equal(0, agent.Recommend());
        Assert.Equal(1, agent.Survivors);
    }

    [Fact]
    public void Four_arms_exact_pulls_per_phase_and_recycled_ration()
    {
        // K = 4, C = 20: ceil(log2 4) = 2 phases, R1 = 10. Phase 1 ends when its use reaches 9: 18 pulls of 0.5
        // (round robin: arms 0, 1 get 5, arms 2, 3 get 4). R2 = 10 + 10 - 9 = 11, phase 2 ends at use 10, i.e. at
        // total 19 = C - 1 together with the episode: 20 pulls, 10 per survivor.
        var agent = new ShRrAgent();
        double[] level = [0.1, 0.2, 0.8, 0.9];
        var chosen = ScriptedPulls.Run(agent, [20], (a, _) => level[a], (_, _) => 0.5, 4, out var totals);
        Assert.Equal(38, chosen.Count);
        Assert.Equal(19.0, totals[0]);
        Assert.Equal([5, 5, 14, 14], Enumerable.Range(0, 4).Select(agent.Pulls));
        Assert.Equal(1, agent.Phase);
        Assert.Equal(11.0, agent.Ration(0));
        Assert.Equal(Enumerable.Repeat(new[] { 0, 1, 2, 3 }, 4).SelectMany(x => x).Concat([0, 1]), chosen.Take(18));
        Assert.All(chosen.Skip(18), a => Assert.True(a >= 2));
        Assert.Equal(3, agent.Recommend());
    }

    [Fact]
    public void Elimination_compares_the_first_m_rewards_only()
    {
        // Phase 1 as above: arms 0, 1 have 5 pulls, arms 2, 3 have 4, so m = 4. Arm 0's fifth reward lifts its
        // all-pull mean to 0.4 > arm 2's 0.3, but over the first four it is 0.25 < 0.3: SH-RR keeps {2, 3}.
        double Reward(int arm, int i) => arm switch
        {
            0 => i < 4 ? 0.25 : 1.0,
            1 => 0.0,
            2 => 0.3,
            _ => 0.9,
        };
        var agent = new ShRrAgent();
        var chosen = ScriptedPulls.Run(agent, [20], Reward, (_, _) => 0.5, 4, out _);
        Assert.Equal([2, 3], chosen.Skip(18).Take(2).Order());
    }

    [Fact]
    public void A_survivor_without_a_pull_in_phase_one_is_a_failure()
    {
        // K = 4, C = 8: R1 = 4, phase 1 ends at use 3, i.e. after 3 unit pulls; arm 3 was never pulled.
        var agent = new ShRrAgent();
        var chosen = ScriptedPulls.Run(agent, [8], (_, _) => 1, (_, _) => 1.0, 4, out _);
        Assert.Equal([0, 1, 2], chosen);
        Assert.True(agent.Failed);
        Assert.Equal(-1, agent.Choose());
        Assert.Equal(-1, agent.Recommend());
    }

    [Fact]
    public void Phases_end_on_whichever_resource_reaches_its_ration_first()
    {
        // Two resources, C = (20, 8): R1 = (10, 4); resource 2 (unit use) ends phase 1 after 3 pulls -> failure.
        var agent = new ShRrAgent();
        var chosen = ScriptedPulls.Run(agent, [20, 8], (_, _) => 1, (l, _) => l == 0 ? 0.1 : 1.0, 4, out var totals);
        Assert.Equal(3, chosen.Count);
        Assert.True(agent.Failed);
        Assert.Equal(3.0, totals[1]);
    }

    [Fact]
    public void Two_arm_failure_probability_matches_the_binomial_closed_form()
    {
        // r = (0.6, 0.4), deterministic d = 0.5, C = 11: each arm gets exactly 10 pulls and the last elimination
        // compares the two sums with a fair coin on ties. P(fail) = 0.18609202141541237 (scipy.stats.binom).
        var instance = BestArmInstance.Create("two", [0.6, 0.4], [[0.5, 0.5]], [11]);
        var environment = new BestArmEnvironment(instance, ConsumptionModel.Deterministic);
        var episode = new BestArmEpisode();
        var agent = new ShRrAgent();
        var root = new Seed(20240101);
        const int trials = 20000;
        int failures = 0;
        for (int i = 0; i < trials; i++)
        {
            var outcome = episode.Run(environment, agent, root.Derive(i));
            Assert.Equal(20, outcome.Pulls);
            failures += outcome.Success ? 0 : 1;
        }

        double p = 0.18609202141541237;
        double sd = Math.Sqrt(p * (1 - p) / trials);
        Assert.InRange((double)failures / trials, p - 4 * sd, p + 4 * sd);
    }
}
