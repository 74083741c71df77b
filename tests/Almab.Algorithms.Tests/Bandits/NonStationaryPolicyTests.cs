using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>Discounted UCB and CUSUM-restarting UCB (survey 001 section 4.3).</summary>
public sealed class NonStationaryPolicyTests
{
    [Fact]
    public void Discounted_counts_and_means_follow_gamma_powers()
    {
        var d = new DiscountedUcbPolicy(2, gamma: 0.5, xi: 0.6);
        d.Update(0, 1.0); // step 1
        d.Update(1, 0.0); // step 2
        d.Update(0, 0.0); // step 3
        // N_0 = 0.25 + 1, mean_0 = (0.25 * 1 + 0) / 1.25; N_1 = 0.5.
        Assert.Equal(1.25, d.DiscountedCount(0), 1e-15);
        Assert.Equal(0.5, d.DiscountedCount(1), 1e-15);
        Assert.Equal(0.2, d.DiscountedMean(0), 1e-15);
        var idx = new double[2];
        d.ComputeIndices(idx);
        double width = 2 * Math.Sqrt(0.6 * Math.Log(1.75));
        Assert.Equal(0.2 + width / Math.Sqrt(1.25), idx[0], 1e-14);
        Assert.Equal(0.0 + width / Math.Sqrt(0.5), idx[1], 1e-14);
    }

    [Fact]
    public void Discounted_counts_survive_renormalization()
    {
        var d = new DiscountedUcbPolicy(2, gamma: 0.5);
        for (int t = 0; t < 2000; t++)
        {
            d.Update(t % 2, 1.0);
        }

        // Geometric sums: the arm updated last has 1 + 1/4 + 1/16 + ... = 4/3, the other 2/3.
        Assert.Equal(4.0 / 3, d.DiscountedCount(1), 1e-12);
        Assert.Equal(2.0 / 3, d.DiscountedCount(0), 1e-12);
        Assert.Equal(1.0, d.DiscountedMean(0), 1e-12);
        Assert.Contains("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new DiscountedUcbPolicy(2, 0.0)).Message);
    }

    [Fact]
    public void Cusum_alarms_at_the_hand_computed_step_and_restarts_every_arm()
    {
        var p = new CusumUcbPolicy(2, warmUp: 2, epsilon: 0.1, threshold: 1.0, new Seed(1));
        p.Update(1, 0.5);
        p.Update(0, 0.0);
        p.Update(0, 0.0); // u0 = 0
        p.Update(0, 0.6); // g+ = 0.5
        Assert.Equal(0.5, p.Cusum(0).Plus, 1e-15);
        p.Update(0, 0.5); // g+ = 0.9
        Assert.Equal(0, p.Restarts);
        p.Update(0, 0.3); // g+ = 0.9 + 0.2 = 1.1 > 1: alarm
        Assert.Equal(1, p.Restarts);
        Assert.Equal((0.0, 0.0), p.Cusum(0));
        var idx = new double[2];
        p.ComputeIndices(idx);
        Assert.All(idx, v => Assert.Equal(double.PositiveInfinity, v));
    }

    [Fact]
    public void Change_aware_policies_beat_ucb1_after_an_abrupt_change()
    {
        // Means (0.8, 0.3) for 3000 pulls, then (0.5, 0.7) for 1000: share of the new best arm in the last 500.
        const int seeds = 20;
        double ucb = 0, dUcb = 0, cusum = 0;
        for (int s = 0; s < seeds; s++)
        {
            ucb += Share(new Ucb1Policy(2), s) / seeds;
            dUcb += Share(new DiscountedUcbPolicy(2, gamma: 0.995), s) / seeds;
            cusum += Share(new CusumUcbPolicy(2, warmUp: 50, epsilon: 0.05, threshold: 8, new Seed(2).Derive(s), alpha: 0.01), s) / seeds;
        }

        Assert.True(dUcb > ucb + 0.15, $"D-UCB {dUcb:P0} vs UCB1 {ucb:P0}");
        Assert.True(cusum > ucb + 0.15, $"CUSUM-UCB {cusum:P0} vs UCB1 {ucb:P0}");
    }

    private static double Share(IBanditPolicy policy, int seed)
    {
        var rng = new Seed(99).Derive(seed).CreateRng();
        int hits = 0;
        for (int t = 0; t < 4000; t++)
        {
            double[] means = t < 3000 ? [0.8, 0.3] : [0.5, 0.7];
            int arm = policy.Select();
            if (t >= 3500 && arm == 1)
            {
                hits++;
            }

            policy.Update(arm, rng.NextDouble() < means[arm] ? 1.0 : 0.0);
        }

        return hits / 500.0;
    }
}
