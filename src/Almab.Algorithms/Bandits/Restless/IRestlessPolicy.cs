namespace Almab.Algorithms.Bandits.Restless;

/// <summary>Chooses M of N restless arms to activate given every arm's current state (survey 001 section 5.3).</summary>
public interface IRestlessPolicy
{
    /// <summary>Number of arms N.</summary>
    int Arms { get; }

    /// <summary>Arms activated per step M.</summary>
    int Active { get; }

    /// <summary>Writes the M arms to activate (largest priority first) for <paramref name="states"/> (one 0/1 state per arm).</summary>
    void Select(ReadOnlySpan<int> states, Span<int> destination);
}
