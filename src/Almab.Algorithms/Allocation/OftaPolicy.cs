namespace Almab.Algorithms.Allocation;

/// <summary>
/// OFTA, Optimal Fixed Task Allocation (ATA paper, section 7): the oracle that knows the true mean task times
/// mu_i and plays the RAS allocation a-bar = RAS(mu; B) every round, the comparator of the regret (9).
/// Observations are accepted and ignored.
/// </summary>
public sealed class OftaPolicy : IAllocationPolicy
{
    private readonly double[] _means;
    private readonly RecursiveAllocationSelection _ras = new();
    private int[] _cached = [];
    private int _cachedTasks = -1;

    /// <summary>Creates OFTA from the true mean task times <paramref name="meanSeconds"/> (one per worker, &gt; 0).</summary>
    public OftaPolicy(ReadOnlySpan<double> meanSeconds)
    {
        if (meanSeconds.Length == 0)
        {
            throw new ArgumentException("OFTA needs at least one worker mean.", nameof(meanSeconds));
        }

        for (int i = 0; i < meanSeconds.Length; i++)
        {
            if (!(meanSeconds[i] > 0.0) || double.IsPositiveInfinity(meanSeconds[i]))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(meanSeconds), meanSeconds[i], $"Mean task time of worker {i} must be finite and > 0 seconds.");
            }
        }

        _means = meanSeconds.ToArray();
    }

    /// <inheritdoc />
    public int Workers => _means.Length;

    /// <inheritdoc />
    public void Allocate(int tasks, Span<int> allocation)
    {
        if (allocation.Length != Workers)
        {
            throw new ArgumentException(
                $"allocation has {allocation.Length} entries but the policy has {Workers} workers.", nameof(allocation));
        }

        if (tasks != _cachedTasks)
        {
            _cached = new int[Workers];
            _ras.Solve(_means, tasks, _cached);
            _cachedTasks = tasks;
        }

        _cached.CopyTo(allocation);
    }

    /// <inheritdoc />
    public void Observe(int worker, double seconds)
    {
        if ((uint)worker >= (uint)Workers)
        {
            throw new ArgumentOutOfRangeException(nameof(worker), worker, $"Worker index must be in [0, {Workers}).");
        }
    }

    /// <inheritdoc />
    public void Observe(int worker, ReadOnlySpan<double> seconds) => Observe(worker, 0.0);

    /// <inheritdoc />
    public void Reset()
    {
    }
}
