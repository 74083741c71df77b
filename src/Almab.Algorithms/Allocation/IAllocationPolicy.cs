namespace Almab.Algorithms.Allocation;

/// <summary>
/// Allocates B unit tasks over n workers each round from per-worker duration observations
/// (the ATA paper's family: ATA, ATA-Empirical, GTA, OFTA, UTA).
/// </summary>
public interface IAllocationPolicy
{
    /// <summary>Number of workers n.</summary>
    int Workers { get; }

    /// <summary>Writes a_i (tasks for worker i, summing to <paramref name="tasks"/>) into <paramref name="allocation"/>.</summary>
    void Allocate(int tasks, Span<int> allocation);

    /// <summary>Records that worker <paramref name="worker"/> took <paramref name="seconds"/> for one task.</summary>
    void Observe(int worker, double seconds);
}
