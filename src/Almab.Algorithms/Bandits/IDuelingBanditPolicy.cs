namespace Almab.Algorithms.Bandits;

/// <summary>
/// A dueling bandit (survey 001 section 3.1, "pairwise comparison instead of point-wise scoring"): each round picks two
/// arms and observes only which one won a noisy comparison. A sibling of <see cref="IBanditPolicy"/>.
/// </summary>
public interface IDuelingBanditPolicy
{
    /// <summary>Number of arms.</summary>
    int Arms { get; }

    /// <summary>The two arms of the next duel (they may coincide when the policy is confident: a self-duel teaches nothing).</summary>
    (int First, int Second) SelectPair();

    /// <summary>Records that <paramref name="winner"/> beat <paramref name="loser"/> (distinct arms).</summary>
    void Update(int winner, int loser);

    /// <summary>Forgets everything (the seed stream restarts as at construction).</summary>
    void Reset();
}
