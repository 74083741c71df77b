namespace Almab.Algorithms.Bandits.Restless;

/// <summary>
/// Activates the M arms with the largest per-state priority (ties to the lowest arm). With Whittle indices as the
/// priorities this is the Whittle index policy; with the immediate gain r(s, active) - r(s, passive) it is the
/// myopic policy the issue compares it against. Priorities are precomputed per arm and state: O(N log M) per step.
/// </summary>
public sealed class PriorityRestlessPolicy : IRestlessPolicy
{
    private readonly double[] _priority;
    private readonly double[] _scores;
    private readonly TopSelector _top;

    private PriorityRestlessPolicy(string name, double[] priority, int arms, int active)
    {
        if (active < 1 || active > arms)
        {
            throw new ArgumentOutOfRangeException(nameof(active), active, $"active arms M must be in [1, {arms}].");
        }

        Name = name;
        Arms = arms;
        Active = active;
        _priority = priority;
        _scores = new double[arms];
        _top = new TopSelector(active);
    }

    /// <summary>"whittle" or "myopic".</summary>
    public string Name { get; }

    /// <inheritdoc />
    public int Arms { get; }

    /// <inheritdoc />
    public int Active { get; }

    /// <summary>The priority of <paramref name="arm"/> in <paramref name="state"/>.</summary>
    public double Priority(int arm, int state) => _priority[2 * arm + state];

    /// <summary>The Whittle index policy for discount <paramref name="beta"/>.</summary>
    public static PriorityRestlessPolicy Whittle(IReadOnlyList<TwoStateArm> arms, int active, double beta)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var p = new double[2 * arms.Count];
        for (int i = 0; i < arms.Count; i++)
        {
            p[2 * i] = WhittleIndex.Compute(arms[i], 0, beta);
            p[2 * i + 1] = WhittleIndex.Compute(arms[i], 1, beta);
        }

        return new PriorityRestlessPolicy("whittle", p, arms.Count, active);
    }

    /// <summary>The myopic policy: immediate gain of activation.</summary>
    public static PriorityRestlessPolicy Myopic(IReadOnlyList<TwoStateArm> arms, int active)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var p = new double[2 * arms.Count];
        for (int i = 0; i < arms.Count; i++)
        {
            for (int s = 0; s < 2; s++)
            {
                p[2 * i + s] = arms[i].Reward(s, true) - arms[i].Reward(s, false);
            }
        }

        return new PriorityRestlessPolicy("myopic", p, arms.Count, active);
    }

    /// <inheritdoc />
    public void Select(ReadOnlySpan<int> states, Span<int> destination)
    {
        if (states.Length != Arms || destination.Length != Active)
        {
            throw new ArgumentException($"need {Arms} states and room for {Active} arms, got {states.Length} and {destination.Length}.", nameof(states));
        }

        for (int i = 0; i < Arms; i++)
        {
            if ((uint)states[i] > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(states), states[i], $"state of arm {i} must be 0 or 1.");
            }

            _scores[i] = _priority[2 * i + states[i]];
        }

        _top.Select(_scores, destination);
    }
}
