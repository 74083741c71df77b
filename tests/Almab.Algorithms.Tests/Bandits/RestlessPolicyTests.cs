using Almab.Algorithms.Bandits.Restless;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>Whittle indices of two-state arms (closed forms and a numpy value-iteration fixture) and the policy.</summary>
public sealed class RestlessPolicyTests
{
    [Fact]
    public void Action_independent_dynamics_give_the_immediate_gain_as_index()
    {
        // When the action does not change the transitions, the subsidy that equalizes the actions is r_a - r_p.
        var arm = new TwoStateArm((0.3, 0.7), (0.3, 0.7), (0.2, 0.9), (0.05, 0.1));
        Assert.Equal(0.15, WhittleIndex.Compute(arm, 0, 0.9), 1e-12);
        Assert.Equal(0.8, WhittleIndex.Compute(arm, 1, 0.9), 1e-12);
    }

    [Fact]
    public void Zero_discount_gives_the_myopic_gain()
    {
        var arm = new TwoStateArm((0.9, 0.1), (0.0, 0.0), (0.4, 1.0));
        Assert.Equal(0.4, WhittleIndex.Compute(arm, 0, 0.0), 1e-12);
        Assert.Equal(1.0, WhittleIndex.Compute(arm, 1, 0.0), 1e-12);
    }

    [Fact]
    public void Indices_match_value_iteration_in_numpy()
    {
        foreach (var c in SurveyFixture.Root.GetProperty("whittle").EnumerateArray())
        {
            var a = SurveyFixture.Doubles(c.GetProperty("activeToOne"));
            var p = SurveyFixture.Doubles(c.GetProperty("passiveToOne"));
            var ra = SurveyFixture.Doubles(c.GetProperty("activeReward"));
            var rp = SurveyFixture.Doubles(c.GetProperty("passiveReward"));
            var arm = new TwoStateArm((a[0], a[1]), (p[0], p[1]), (ra[0], ra[1]), (rp[0], rp[1]));
            double beta = c.GetProperty("beta").GetDouble();
            var expected = SurveyFixture.Doubles(c.GetProperty("index"));
            Assert.Equal(expected[0], WhittleIndex.Compute(arm, 0, beta), 1e-9);
            Assert.Equal(expected[1], WhittleIndex.Compute(arm, 1, beta), 1e-9);
        }
    }

    [Fact]
    public void Whittle_policy_invests_where_myopic_does_not()
    {
        // Arm 0 pays 0.5 whatever it does; arm 1 pays 0.4 in state 0 but activation moves it to state 1 (pays 1.0).
        // Myopic keeps pulling arm 0 (0.5 > 0.4) forever; Whittle (beta = 0.9) sees arm 1's state-0 value.
        TwoStateArm[] arms =
        [
            new TwoStateArm((0.5, 0.5), (0.5, 0.5), (0.5, 0.5)),
            new TwoStateArm((0.9, 0.1), (0.0, 0.0), (0.4, 1.0)),
        ];
        var whittle = PriorityRestlessPolicy.Whittle(arms, 1, 0.9);
        var myopic = PriorityRestlessPolicy.Myopic(arms, 1);
        Assert.Equal(0.5, whittle.Priority(0, 0), 1e-12);
        Assert.True(whittle.Priority(1, 0) > 0.5);
        Assert.True(Simulate(arms, whittle) > Simulate(arms, myopic) + 0.1);
    }

    private static double Simulate(TwoStateArm[] arms, IRestlessPolicy policy)
    {
        var rng = new Seed(9).CreateRng();
        var states = new int[arms.Length];
        var chosen = new int[1];
        double total = 0;
        const int steps = 20_000;
        for (int t = 0; t < steps; t++)
        {
            policy.Select(states, chosen);
            for (int i = 0; i < arms.Length; i++)
            {
                bool active = chosen[0] == i;
                total += arms[i].Reward(states[i], active);
                states[i] = rng.NextDouble() < arms[i].ToOne(states[i], active) ? 1 : 0;
            }
        }

        return total / steps;
    }
}
