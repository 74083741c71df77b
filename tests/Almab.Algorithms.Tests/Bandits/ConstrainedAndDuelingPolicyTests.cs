using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>The Lagrangian knapsack bandit (section 4.4) and RUCB (section 3.1).</summary>
public sealed class ConstrainedAndDuelingPolicyTests
{
    [Fact]
    public void Dual_price_follows_projected_gradient_steps()
    {
        var p = new LagrangianKnapsackPolicy(2, budgetPerPull: 0.3, stepSize: 0.5);
        p.Update(0, 1.0, 0.9); // 0 + 0.5 (0.9 - 0.3) = 0.3
        Assert.Equal(0.3, p.Price, 1e-15);
        p.Update(1, 0.2, 0.0); // 0.3 - 0.15 = 0.15
        Assert.Equal(0.15, p.Price, 1e-15);
        p.Update(1, 0.2, 0.0); // max(0, 0.15 - 0.15) = 0
        Assert.Equal(0.0, p.Price, 1e-15);
        p.Update(1, 0.2, 0.0);
        Assert.Equal(0.0, p.Price);
        Assert.Contains("budget", Assert.Throws<ArgumentOutOfRangeException>(() => new LagrangianKnapsackPolicy(2, 0.0)).Message);
        Assert.Contains("cost", Assert.Throws<ArgumentOutOfRangeException>(() => p.Update(0, 1, -1)).Message);
    }

    [Fact]
    public void Knapsack_policy_meets_the_budget_rate_near_the_lp_optimum()
    {
        // (reward, cost) means: (0.9, 0.9), (0.5, 0.1), (0.2, 0.0); rho = 0.5. The LP optimum mixes arms 0 and 1
        // half and half: reward 0.7 at cost 0.5. Unconstrained UCB would pull arm 0 at cost 0.9.
        double[] r = [0.9, 0.5, 0.2], c = [0.9, 0.1, 0.0];
        const int horizon = 20_000;
        var p = new LagrangianKnapsackPolicy(3, 0.5, stepSize: 0.01);
        var rng = new Seed(6).CreateRng();
        double reward = 0, cost = 0;
        for (int t = 0; t < horizon; t++)
        {
            int a = p.Select();
            double ri = rng.NextDouble() < r[a] ? 1 : 0, ci = rng.NextDouble() < c[a] ? 1 : 0;
            reward += ri;
            cost += ci;
            p.Update(a, ri, ci);
        }

        Assert.True(cost / horizon < 0.52, $"mean cost {cost / horizon} over rho = 0.5");
        Assert.True(reward / horizon > 0.66, $"mean reward {reward / horizon} far below the LP value 0.7");
    }

    [Fact]
    public void Rucb_upper_bounds_are_hand_computed()
    {
        var d = new RucbPolicy(3, new Seed(1), alpha: 0.6);
        d.Update(0, 1);
        d.Update(0, 1);
        d.Update(1, 0);
        Assert.Equal(0.5, d.Upper(2, 2));
        Assert.Equal(1.0, d.Upper(0, 2)); // never compared: x / 0 := 1
        // t = 1 before any SelectPair: ln 1 = 0, so u_01 = 2/3 exactly.
        Assert.Equal(2.0 / 3.0, d.Upper(0, 1), 1e-15);
        Assert.Equal(1.0 / 3.0, d.Upper(1, 0), 1e-15);
        Assert.Throws<ArgumentException>(() => d.Update(2, 2));
    }

    [Fact]
    public void Rucb_settles_on_the_condorcet_winner()
    {
        // P(i beats j): arm 2 beats everyone with 0.7; the others are a cycle.
        double[,] p = { { 0.5, 0.6, 0.3 }, { 0.4, 0.5, 0.3 }, { 0.7, 0.7, 0.5 } };
        var d = new RucbPolicy(3, new Seed(2));
        var rng = new Seed(3).CreateRng();
        int both = 0;
        for (int t = 0; t < 5000; t++)
        {
            var (a, b) = d.SelectPair();
            if (t >= 4000 && a == 2 && b == 2)
            {
                both++;
            }

            if (a != b)
            {
                if (rng.NextDouble() < p[a, b])
                {
                    d.Update(a, b);
                }
                else
                {
                    d.Update(b, a);
                }
            }
        }

        Assert.True(both > 800, $"self-duel of the Condorcet winner in only {both} of the last 1000 rounds");
    }
}
