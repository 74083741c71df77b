using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits.Environments;

/// <summary>
/// The stochastic arms a bandit run pulls: mean reward of each arm at pull index <c>step</c> (0-based count of
/// pulls created so far; non-stationary environments change with it) and one reward draw. Pure and seeded: the
/// caller passes the generator, so pull i sees the same noise under every method (common random numbers).
/// </summary>
public interface IArmEnvironment
{
    /// <summary>Short identifier, e.g. "bernoulli" or "abrupt".</summary>
    string Name { get; }

    /// <summary>Number of arms.</summary>
    int Arms { get; }

    /// <summary>Expected reward of <paramref name="arm"/> at <paramref name="step"/>.</summary>
    double Mean(int arm, long step);

    /// <summary>The best expected reward at <paramref name="step"/>.</summary>
    double BestMean(long step);

    /// <summary>Draws the reward of a pull of <paramref name="arm"/> at <paramref name="step"/> (Bernoulli of the mean).</summary>
    double Sample(int arm, long step, Rng rng);
}
