namespace Almab.Algorithms.Bandits;

/// <summary>
/// A stochastic multi-armed bandit policy over a fixed number of arms (ALMAB-DC section 2.4; survey 001).
/// Rewards are maximized. Ties in index policies break to the lowest arm index.
/// </summary>
public interface IBanditPolicy
{
    /// <summary>Number of arms.</summary>
    int Arms { get; }

    /// <summary>Chooses the next arm to pull, counting pulls that are pending (delayed feedback).</summary>
    int Select();

    /// <summary>Records the reward of a pull of <paramref name="arm"/>.</summary>
    void Update(int arm, double reward);

    /// <summary>Forgets everything (the seed stream restarts as at construction).</summary>
    void Reset();
}
