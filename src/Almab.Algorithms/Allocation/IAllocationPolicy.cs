namespace Almab.Algorithms.Allocation;

/// <summary>
/// Allocates B unit tasks over n workers each round from per-worker duration observations
/// (the ATA paper's family: ATA, ATA-Empirical, OFTA, UTA; GTA is not an allocate-then-wait policy and
/// lives in <see cref="GreedyTaskAllocation"/>).
/// </summary>
/// <remarks>
/// Protocol (ATA paper, section 3.1 and Algorithm 1): one call to <see cref="Allocate"/> opens round k
/// (k = 1, 2, ...; policies count rounds themselves, so the round index never has to be passed in), then the
/// caller reports every finished task of that round through <see cref="Observe(int, double)"/> before the next
/// <see cref="Allocate"/>. Observations that arrive later are still accepted and simply count from the round
/// in which they arrive (useful for an event-driven dispatcher).
/// </remarks>
public interface IAllocationPolicy
{
    /// <summary>Number of workers n.</summary>
    int Workers { get; }

    /// <summary>Writes a_i (tasks for worker i, summing to <paramref name="tasks"/>) into <paramref name="allocation"/>.</summary>
    void Allocate(int tasks, Span<int> allocation);

    /// <summary>Records that worker <paramref name="worker"/> took <paramref name="seconds"/> for one task.</summary>
    void Observe(int worker, double seconds);

    /// <summary>
    /// Records several tasks of one worker, in order: the same as calling <see cref="Observe(int, double)"/> for each
    /// entry of <paramref name="seconds"/> (the round simulator's per-worker batch; policies override it to skip the
    /// per-task call and checks).
    /// </summary>
    void Observe(int worker, ReadOnlySpan<double> seconds)
    {
        foreach (double x in seconds)
        {
            Observe(worker, x);
        }
    }

    /// <summary>
    /// Forgets every observation and the round counter; seeded policies restart their random stream as at
    /// construction. (Added for replicates that reuse a policy instance, like <c>IBanditPolicy.Reset</c>.)
    /// </summary>
    void Reset();
}
