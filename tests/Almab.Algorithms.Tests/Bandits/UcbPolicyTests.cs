using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>UCB1 (section 2.6 form) and sliding-window UCB.</summary>
public sealed class UcbPolicyTests
{
    private static readonly double[] Means = [0.9, 0.8, 0.6, 0.5, 0.2];

    [Fact]
    public void Ucb1PseudoRegretStaysWithinEquation6AveragedOverSeeds()
    {
        const int horizon = 3000, seeds = 40;
        double mean = 0;
        for (int s = 0; s < seeds; s++)
        {
            var pulls = BanditHarness.RunBernoulli(new Ucb1Policy(Means.Length), Means, horizon, new Seed(7).Derive(s).CreateRng());
            mean += BanditHarness.PseudoRegret(Means, pulls) / seeds;
        }

        // Eq. (6): sum over suboptimal arms of 8 log T / Delta + (1 + pi^2 / 3) Delta.
        double bound = 0;
        foreach (double m in Means.Skip(1))
        {
            double delta = 0.9 - m;
            bound += 8 * Math.Log(horizon) / delta + (1 + Math.PI * Math.PI / 3) * delta;
        }

        Assert.True(mean <= bound, $"mean regret {mean} above the eq. (6) bound {bound}");
        // Sub-linear and far better than uniform pulling (which costs the mean gap on every round).
        double uniform = horizon * Means.Average(m => 0.9 - m);
        Assert.True(mean < 0.25 * uniform, $"mean regret {mean} vs uniform {uniform}");
    }

    [Fact]
    public void Ucb1IndexIsMeanPlusCSqrtLogTOverN()
    {
        var ucb = new Ucb1Policy(3, c: 0.7);
        ucb.Update(0, 1.0);
        ucb.Update(0, 0.0);
        ucb.Update(1, 0.4);
        var idx = new double[3];
        ucb.ComputeIndices(idx);
        Assert.Equal(0.5 + 0.7 * Math.Sqrt(Math.Log(3) / 2), idx[0], 1e-15);
        Assert.Equal(0.4 + 0.7 * Math.Sqrt(Math.Log(3) / 1), idx[1], 1e-15);
        Assert.Equal(double.PositiveInfinity, idx[2]);
        Assert.Equal(2, ucb.Select());
    }

    [Fact]
    public void PendingPullsCountInNSoConcurrentSelectsSpreadOverArms()
    {
        var ucb = new Ucb1Policy(4);
        int[] first = [ucb.Select(), ucb.Select(), ucb.Select(), ucb.Select()];
        Assert.Equal([0, 1, 2, 3], first);
        ucb.Update(2, 1.0);
        ucb.Update(0, 0.0);
        ucb.Update(1, 0.0);
        ucb.Update(3, 0.0);
        int a = ucb.Select();
        Assert.Equal(2, a);
        Assert.Equal(2, ucb.Count(2));
        // Arm 2 now has a pending pull: its bonus shrinks from c sqrt(log 5 / 1) to c sqrt(log 5 / 2).
        var idx = new double[4];
        ucb.ComputeIndices(idx);
        Assert.Equal(1.0 + Math.Sqrt(2) * Math.Sqrt(Math.Log(5) / 2), idx[2], 1e-14);
    }

    [Fact]
    public void SlidingWindowUcbAdaptsAfterAChangePointWhileUcb1LagsBehind()
    {
        // 3000 rounds with means (0.8, 0.3), then 1000 with (0.5, 0.7): UCB1's long memory keeps arm 0's mean above
        // 0.7 for about 1500 more pulls (only UCB1's exploration bonus, ~0.2 here, keeps pulling arm 1), while a window of
        // 200 forgets the first phase within 200 rewards. Measured: SW-UCB 77 %, UCB1 53 % of the last 500 rounds.
        const int seeds = 20, tail = 500;
        double swShare = 0, ucbShare = 0;
        for (int s = 0; s < seeds; s++)
        {
            swShare += ShareOfNewBestInTail(new SlidingWindowUcbPolicy(2, window: 200), s, tail) / seeds;
            ucbShare += ShareOfNewBestInTail(new Ucb1Policy(2), s, tail) / seeds;
        }

        Assert.True(swShare > 0.7, $"SW-UCB pulled the new best arm in only {swShare:P0} of the last {tail} rounds");
        Assert.True(swShare > ucbShare + 0.15, $"SW-UCB {swShare:P0} vs UCB1 {ucbShare:P0}");
    }

    private static double ShareOfNewBestInTail(IBanditPolicy policy, int seed, int tail)
    {
        const int change = 3000, horizon = 4000;
        var rng = new Seed(99).Derive(seed).CreateRng();
        int hits = 0;
        for (int t = 0; t < horizon; t++)
        {
            double[] means = t < change ? [0.8, 0.3] : [0.5, 0.7];
            int arm = policy.Select();
            if (t >= horizon - tail && arm == 1)
            {
                hits++;
            }

            policy.Update(arm, rng.NextDouble() < means[arm] ? 1.0 : 0.0);
        }

        return (double)hits / tail;
    }

    [Fact]
    public void SlidingWindowForgetsRewardsOlderThanTheWindow()
    {
        var sw = new SlidingWindowUcbPolicy(2, window: 3, c: 0.0);
        sw.Update(0, 1.0);
        sw.Update(0, 1.0);
        sw.Update(1, 0.5);
        sw.Update(1, 0.5);
        Assert.Equal(1, sw.WindowCount(0));
        sw.Update(1, 0.5);
        Assert.Equal(0, sw.WindowCount(0));
        var idx = new double[2];
        sw.ComputeIndices(idx);
        Assert.Equal(double.PositiveInfinity, idx[0]);
        Assert.Equal(0.5, idx[1], 1e-15);
    }

    [Fact]
    public void BadArgumentsAreRejectedWithTheirName()
    {
        Assert.Contains("arms", Assert.Throws<ArgumentOutOfRangeException>(() => new Ucb1Policy(0)).Message);
        Assert.Contains("window", Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindowUcbPolicy(2, 0)).Message);
        var ucb = new Ucb1Policy(2);
        Assert.Contains("arm", Assert.Throws<ArgumentOutOfRangeException>(() => ucb.Update(5, 1)).Message);
        Assert.Contains("reward", Assert.Throws<ArgumentOutOfRangeException>(() => ucb.Update(0, double.NaN)).Message);
    }
}
