namespace Almab.Algorithms.Bandits.Restless;

/// <summary>
/// A restless arm with two fully observed states {0, 1} (survey 001 section 5.3: "arm states evolve even when not
/// pulled"). Row-stochastic transitions under the active and the passive action, and per-state rewards for each.
/// Probabilities are P(next = 1 | state), so each action is two numbers.
/// </summary>
public sealed record TwoStateArm
{
    /// <summary>Creates the arm; every probability must lie in [0, 1] and every reward be finite.</summary>
    /// <param name="activeToOne">P(next state 1 | state s, active), s = 0, 1.</param>
    /// <param name="passiveToOne">P(next state 1 | state s, passive), s = 0, 1.</param>
    /// <param name="activeReward">Reward of the active action in state s.</param>
    /// <param name="passiveReward">Reward of the passive action in state s (often 0).</param>
    public TwoStateArm((double S0, double S1) activeToOne, (double S0, double S1) passiveToOne, (double S0, double S1) activeReward, (double S0, double S1) passiveReward = default)
    {
        foreach (double p in new[] { activeToOne.S0, activeToOne.S1, passiveToOne.S0, passiveToOne.S1 })
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(activeToOne), p, "transition probabilities must lie in [0, 1].");
            }
        }

        foreach (double r in new[] { activeReward.S0, activeReward.S1, passiveReward.S0, passiveReward.S1 })
        {
            if (!double.IsFinite(r))
            {
                throw new ArgumentOutOfRangeException(nameof(activeReward), r, "rewards must be finite.");
            }
        }

        (ActiveToOne, PassiveToOne, ActiveReward, PassiveReward) = (activeToOne, passiveToOne, activeReward, passiveReward);
    }

    /// <summary>P(next = 1 | s, active).</summary>
    public (double S0, double S1) ActiveToOne { get; }

    /// <summary>P(next = 1 | s, passive).</summary>
    public (double S0, double S1) PassiveToOne { get; }

    /// <summary>r(s, active).</summary>
    public (double S0, double S1) ActiveReward { get; }

    /// <summary>r(s, passive).</summary>
    public (double S0, double S1) PassiveReward { get; }

    /// <summary>P(next = 1 | <paramref name="state"/>, action).</summary>
    public double ToOne(int state, bool active) => active
        ? (state == 0 ? ActiveToOne.S0 : ActiveToOne.S1)
        : (state == 0 ? PassiveToOne.S0 : PassiveToOne.S1);

    /// <summary>r(<paramref name="state"/>, action).</summary>
    public double Reward(int state, bool active) => active
        ? (state == 0 ? ActiveReward.S0 : ActiveReward.S1)
        : (state == 0 ? PassiveReward.S0 : PassiveReward.S1);
}
