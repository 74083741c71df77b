namespace Almab.Algorithms.Bandits;

/// <summary>
/// A combinatorial semi-bandit (survey 001 section 5.2): each round chooses a set of <see cref="SetSize"/> distinct
/// arms out of <see cref="Arms"/> and observes every chosen arm's reward (semi-bandit feedback). A sibling of
/// <see cref="IBanditPolicy"/>, whose Select returns one arm.
/// </summary>
public interface ICombinatorialPolicy
{
    /// <summary>Number of base arms N.</summary>
    int Arms { get; }

    /// <summary>Arms per round m (1 &lt;= m &lt;= N).</summary>
    int SetSize { get; }

    /// <summary>Writes the m arms of the next round into <paramref name="destination"/> (length m), largest index first.</summary>
    void SelectSet(Span<int> destination);

    /// <summary>Records the reward of one chosen arm.</summary>
    void Update(int arm, double reward);

    /// <summary>Forgets everything.</summary>
    void Reset();
}
