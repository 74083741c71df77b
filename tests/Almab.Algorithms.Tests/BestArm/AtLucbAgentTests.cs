using Almab.Algorithms.BestArm.Agents;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.BestArm;

public sealed class AtLucbAgentTests
{
    [Theory]
    // Hand-computed: sqrt((ln(5K / (4δ)) + 4 ln t) / (2n)) with Python's math module.
    [InlineData(256, 0.5, 10, 4, 1.39963426242045)]
    [InlineData(256, 0.480298005, 1, 1, 1.8030071436031145)]
    [InlineData(2, 0.5, 100, 50, 0.44755020563492615)]
    public void Bound_matches_hand_computed_values(int arms, double delta, long t, int n, double expected) =>
        Assert.Equal(expected, AtLucbAgent.Bound(arms, delta, t, n), 12);

    [Fact]
    public void Rounds_pull_the_empirical_best_then_the_highest_upper_bound_among_the_others()
    {
        const int arms = 23;
        var rng = new Rng(5);
        var means = Enumerable.Range(0, arms).Select(_ => rng.NextDouble()).ToArray();
        var agent = new AtLucbAgent();
        agent.Reset(arms, [1e9], 1);
        var n = new int[arms];
        var sum = new double[arms];
        long round = 1;
        for (int step = 0; step < 6000; step++)
        {
            int a = agent.Choose();
            if (step < arms)
            {
                Assert.Equal(step, a);
            }
            else if ((step - arms) % 2 == 0)
            {
                // First pull of a round: the empirical best (lowest index among ties); second: the challenger.
                double top = Enumerable.Range(0, arms).Max(k => sum[k] / n[k]);
                Assert.Equal(top, sum[a] / n[a]);
                double delta = 0.5 * Math.Pow(0.99, agent.Stage - 1);
                int h = a;
                double U(int k) => sum[k] / n[k] + AtLucbAgent.Bound(arms, delta, round, n[k]);
                double bestU = Enumerable.Range(0, arms).Where(k => k != h).Max(U);
                double r0 = rng.NextDouble() < means[a] ? 1 : 0;
                n[a]++;
                sum[a] += r0;
                agent.Observe(a, r0, [1.0]);
                int l = agent.Choose();
                Assert.NotEqual(h, l);
                n[a]--;
                sum[a] -= r0;
                Assert.True(U(l) >= bestU - 1e-12, $"round {round}: challenger {l}");
                n[a]++;
                sum[a] += r0;
                step++;
                double r1 = rng.NextDouble() < means[l] ? 1 : 0;
                n[l]++;
                sum[l] += r1;
                agent.Observe(l, r1, [1.0]);
                round++;
                continue;
            }

            double r = rng.NextDouble() < means[a] ? 1 : 0;
            n[a]++;
            sum[a] += r;
            agent.Observe(a, r, [1.0]);
        }

        Assert.Equal(1, agent.Stage);
        int rec = agent.Recommend();
        Assert.Equal(Enumerable.Range(0, arms).Max(k => sum[k] / n[k]), sum[rec] / n[rec]);
    }

    [Fact]
    public void Separated_arms_advance_the_stage()
    {
        // Arm 0 always pays 1, arm 1 never: after enough pulls L_0 > U_1, TERM holds and S advances.
        var agent = new AtLucbAgent();
        ScriptedPulls.Run(agent, [400], (a, _) => a == 0 ? 1 : 0, (_, _) => 1.0, 2, out _);
        Assert.True(agent.Stage > 1);
        Assert.Equal(0, agent.Recommend());
    }
}
