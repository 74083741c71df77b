using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Allocation;

/// <summary>
/// UTA, Uniform Task Allocation (ATA paper, section 7): when n &gt; B, B distinct workers drawn uniformly at
/// random each compute one task; otherwise every worker gets floor(B / n) tasks and B mod n distinct random
/// workers one more (the paper only says "uniformly"; the random remainder is our choice). Ignores observations.
/// </summary>
public sealed class UtaPolicy : IAllocationPolicy
{
    private readonly Seed _seed;
    private readonly int[] _permutation;
    private readonly int[] _touched;
    private int _stamp;
    private Rng _rng;

    /// <summary>Creates UTA for <paramref name="workers"/> workers drawing from <paramref name="seed"/>.</summary>
    public UtaPolicy(int workers, Seed seed)
    {
        if (workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, "The number of workers n must be >= 1.");
        }

        Workers = workers;
        _seed = seed;
        _rng = seed.CreateRng();
        _permutation = new int[workers];
        _touched = new int[workers];
    }

    /// <inheritdoc />
    public int Workers { get; }

    /// <inheritdoc />
    public void Allocate(int tasks, Span<int> allocation)
    {
        if (allocation.Length != Workers)
        {
            throw new ArgumentException(
                $"allocation has {allocation.Length} entries but the policy has {Workers} workers.", nameof(allocation));
        }

        if (tasks < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tasks), tasks, "The task budget B must be >= 0.");
        }

        allocation.Fill(tasks / Workers);
        int extra = tasks % Workers;

        // Partial Fisher-Yates: the first `extra` entries become a uniform random subset of distinct workers. The
        // permutation starts as the identity every round; only the entries a swap touched are stored (stamped with the
        // round), so a round costs O(extra) instead of resetting all n entries, with the same draws and the same subset.
        if (++_stamp == 0)
        {
            Array.Clear(_touched);
            _stamp = 1;
        }

        for (int e = 0; e < extra; e++)
        {
            int j = e + _rng.Next(Workers - e);
            int atE = _touched[e] == _stamp ? _permutation[e] : e;
            int atJ = _touched[j] == _stamp ? _permutation[j] : j;
            _permutation[j] = atE;
            _touched[j] = _stamp;
            _permutation[e] = atJ;
            _touched[e] = _stamp;
            allocation[atJ]++;
        }
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
    public void Reset() => _rng = _seed.CreateRng();
}
