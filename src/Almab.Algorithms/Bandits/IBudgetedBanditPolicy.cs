namespace Almab.Algorithms.Bandits;

/// <summary>
/// A bandit with a resource constraint (bandits with knapsacks; survey 001 section 4.4, "constrained bandits"): every
/// pull returns a reward and a non-negative cost, and the average cost per pull should stay within a budget rate.
/// A sibling of <see cref="IBanditPolicy"/>, whose Update has no cost.
/// </summary>
public interface IBudgetedBanditPolicy
{
    /// <summary>Number of arms.</summary>
    int Arms { get; }

    /// <summary>Chooses the next arm.</summary>
    int Select();

    /// <summary>Records the finite <paramref name="reward"/> and the finite, non-negative <paramref name="cost"/> of a pull.</summary>
    void Update(int arm, double reward, double cost);

    /// <summary>Forgets everything.</summary>
    void Reset();
}
