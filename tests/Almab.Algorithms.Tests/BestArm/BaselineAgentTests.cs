using Almab.Algorithms.BestArm.Agents;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.BestArm;

public sealed class BaselineAgentTests
{
    [Fact]
    public void Uniform_pulls_round_robin_and_recommends_the_best_mean()
    {
        var agent = new UniformAgent();
        double[] level = [0.2, 0.7, 0.5];
        var chosen = ScriptedPulls.Run(agent, [8], (a, _) => level[a], (_, _) => 1.0, 3, out _);
        Assert.Equal([0, 1, 2, 0, 1, 2, 0], chosen);
        Assert.Equal(1, agent.Recommend());
    }

    [Fact]
    public void Dsh_first_run_pulls_k_log_k_and_then_doubles()
    {
        // K = 4: T = 8; phase 1: floor(8/2/4) = 1 pull each; phase 2: floor(8/2/2) = 2 pulls each survivor, arm by arm.
        var agent = new DoublingSequentialHalvingAgent();
        double[] level = [0.1, 0.9, 0.3, 0.6];
        var chosen = ScriptedPulls.Run(agent, [9.5], (a, _) => level[a], (_, _) => 0.5, 4, out _);
        // 9.5 - 1 = 8.5 units at 0.5 each: 17 pulls; the first run (8 pulls) completes, the second (T = 16:
        // 2 pulls each, then 4 for each of {1, 3}) does not.
        Assert.Equal(17, chosen.Count);
        Assert.Equal([0, 1, 2, 3, 1, 1, 3, 3], chosen.Take(8));
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3, 1], chosen.Skip(8));
        Assert.Equal(16, agent.RunBudget);
        Assert.Equal(1, agent.Recommend());
    }

    [Fact]
    public void Dsh_recommends_arm_zero_before_a_run_completes()
    {
        var agent = new DoublingSequentialHalvingAgent();
        ScriptedPulls.Run(agent, [4], (a, _) => a, (_, _) => 1.0, 4, out _);
        Assert.Equal(0, agent.Recommend());
    }

    [Fact]
    public void Ucb_pulls_every_arm_once_then_follows_the_brute_force_index()
    {
        // Reference: argmax mean + sqrt(2 ln t / n), t = pulls + 1, computed naively over all arms.
        const int arms = 37;
        var rng = new Rng(7);
        var means = Enumerable.Range(0, arms).Select(_ => rng.NextDouble()).ToArray();
        var agent = new UcbAgent();
        agent.Reset(arms, [1e9], 3);
        var n = new int[arms];
        var sum = new double[arms];
        for (int step = 0; step < 20000; step++)
        {
            int a = agent.Choose();
            if (step < arms)
            {
                Assert.Equal(step, a);
            }
            else
            {
                double t = step + 1;
                double Index(int k) => sum[k] / n[k] + Math.Sqrt(2 * Math.Log(t) / n[k]);
                double best = Enumerable.Range(0, arms).Max(Index);
                Assert.True(Index(a) >= best - 1e-12, $"step {step}: chose {a} with {Index(a)}, best {best}");
            }

            double r = rng.NextDouble() < means[a] ? 1 : 0;
            n[a]++;
            sum[a] += r;
            agent.Observe(a, r, [1.0]);
        }

        int rec = agent.Recommend();
        Assert.Equal(Enumerable.Range(0, arms).Max(k => sum[k] / n[k]), sum[rec] / n[rec]);
    }

    [Fact]
    public void Resource_aware_ucb_follows_the_brute_force_cost_weighted_index()
    {
        const int arms = 19;
        var rng = new Rng(11);
        var means = Enumerable.Range(0, arms).Select(_ => rng.NextDouble()).ToArray();
        var cost = Enumerable.Range(0, arms).Select(_ => 0.05 + 0.9 * rng.NextDouble()).ToArray();
        double[] budgets = [500, 800];
        var agent = new ResourceAwareUcbAgent();
        agent.Reset(arms, budgets, 3);
        var n = new int[arms];
        var sum = new double[arms];
        var use = new double[2, arms];
        for (int step = 0; step < 8000; step++)
        {
            int a = agent.Choose();
            if (step >= arms)
            {
                double t = step + 1;
                double Index(int k)
                {
                    double c = (use[0, k] + 1) / (n[k] + 1) / budgets[0] + (use[1, k] + 1) / (n[k] + 1) / budgets[1];
                    return (sum[k] / n[k] + Math.Sqrt(2 * Math.Log(t) / n[k])) / c;
                }

                double best = Enumerable.Range(0, arms).Max(Index);
                Assert.True(Index(a) >= best * (1 - 1e-12), $"step {step}: chose {a}");
            }

            double r = rng.NextDouble() < means[a] ? 1 : 0;
            double c0 = rng.NextDouble() < cost[a] ? 1 : 0, c1 = cost[a];
            n[a]++;
            sum[a] += r;
            use[0, a] += c0;
            use[1, a] += c1;
            agent.Observe(a, r, [c0, c1]);
        }
    }
}
