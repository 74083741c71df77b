namespace Almab.Algorithms.Bandits;

/// <summary>
/// A contextual bandit (survey 001 section 2.4, LinUCB for hyperparameter selection): each decision sees a context
/// vector of <see cref="Dimension"/> features (e.g. data-set size, dimensionality, imbalance) shared by all arms.
/// A sibling of <see cref="IBanditPolicy"/>, whose Select takes no context.
/// </summary>
public interface IContextualBanditPolicy
{
    /// <summary>Number of arms.</summary>
    int Arms { get; }

    /// <summary>Context dimension d.</summary>
    int Dimension { get; }

    /// <summary>Chooses an arm for <paramref name="context"/> (length <see cref="Dimension"/>, finite entries).</summary>
    int Select(ReadOnlySpan<double> context);

    /// <summary>Records the finite <paramref name="reward"/> of <paramref name="arm"/> pulled in <paramref name="context"/>.</summary>
    void Update(int arm, ReadOnlySpan<double> context, double reward);

    /// <summary>Forgets everything (the seed stream restarts as at construction).</summary>
    void Reset();
}
