namespace Almab.Algorithms.BestArm;

/// <summary>
/// A best-arm-identification agent under resource constraints (SH-RR paper, section 3): it chooses arms one pull
/// at a time, observes each pull's reward and consumption vector, and recommends an arm when the episode stops.
/// Agents are sequential: every <see cref="Choose"/> is followed by the <see cref="Observe"/> of that pull before
/// the next <see cref="Choose"/>. Ties that an agent does not break at random go to the lowest arm index; the
/// episode shuffles the arms in every trial, so such a rule cannot favour the best arm.
/// Agents are reusable: <see cref="Reset"/> starts a new episode without allocating once buffers are warm.
/// </summary>
public interface IBestArmAgent
{
    /// <summary>Registry name (e.g. <c>sh-rr</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Starts an episode over <paramref name="arms"/> arms with the given budgets C_l (the agent knows K and C, as
    /// in the paper; it does not know the means). <paramref name="seed"/> drives the agent's own random choices.
    /// </summary>
    void Reset(int arms, ReadOnlySpan<double> budgets, ulong seed);

    /// <summary>The arm to pull next, or -1 when the agent stops on its own (e.g. SH-RR's failure).</summary>
    int Choose();

    /// <summary>Records the pull of <paramref name="arm"/>: its reward and its consumption of each resource.</summary>
    void Observe(int arm, double reward, ReadOnlySpan<double> consumption);

    /// <summary>
    /// The answer when the episode stops: an arm, or -1 for "no answer" (a failure). Called once per episode; it may
    /// finish pending work (SH-RR's last elimination).
    /// </summary>
    int Recommend();
}
