namespace Almab.Algorithms.Allocation;

/// <summary>
/// The shared body of ATA (Algorithm 1) and ATA-Empirical (section 5): per-worker usage counts K_i, usage
/// times T_i and empirical means mu_i = T_i / K_i; at round k a lower confidence bound s_{i,k} per worker; uniform
/// allocation over the workers whose bound is 0 while any is 0 (Appendix B), otherwise RAS on the bounds
/// (Algorithm 1, line 5). Subclasses supply only the bound.
/// </summary>
/// <remarks>
/// Uniform phase (protocol note): the paper says "allocates uniformly across these arms" without saying which
/// zero-bound workers receive the B mod z leftover tasks, or which B of them work when z &gt; B. Our choice:
/// each zero-bound worker gets floor(B / z) and the leftover single tasks go to the zero-bound workers with the
/// fewest samples K_i, ties to the lowest index, so exploration cycles through them deterministically.
/// </remarks>
public abstract class LowerConfidenceAllocationPolicy : IAllocationPolicy
{
    private readonly long[] _count;
    private readonly double[] _sum;
    private readonly double[] _bounds;
    private readonly long[] _order;
    private readonly RecursiveAllocationSelection _ras = new();
    private long _round;

    /// <summary>Creates the policy for <paramref name="workers"/> workers, with no observations (Algorithm 1, line 2).</summary>
    protected LowerConfidenceAllocationPolicy(int workers)
    {
        if (workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, "The number of workers n must be >= 1.");
        }

        Workers = workers;
        _count = new long[workers];
        _sum = new double[workers];
        _bounds = new double[workers];
        _order = new long[workers];
    }

    /// <inheritdoc />
    public int Workers { get; }

    /// <summary>Rounds allocated so far; the next <see cref="Allocate"/> is round k = Round + 1.</summary>
    public long Round => _round;

    /// <summary>K_{i,k}: tasks of worker <paramref name="worker"/> observed so far.</summary>
    public long SampleCount(int worker) => _count[CheckWorker(worker)];

    /// <summary>mu_{i,k} = T_{i,k} / K_{i,k} in seconds (Algorithm 1, line 11); 0 before the first sample.</summary>
    public double EmpiricalMean(int worker)
    {
        CheckWorker(worker);
        return _count[worker] == 0 ? 0.0 : _sum[worker] / _count[worker];
    }

    /// <summary>
    /// The lower confidence bound s_{i,k} in seconds that round <paramref name="round"/> (k &gt;= 1) would use for
    /// <paramref name="worker"/>, given the samples observed so far; 0 when the worker has no sample.
    /// </summary>
    public double LowerBound(int worker, long round)
    {
        CheckWorker(worker);
        if (round < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(round), round, "Rounds are numbered from k = 1.");
        }

        long count = _count[worker];
        return count == 0 ? 0.0 : Bound(_sum[worker] / count, count, round);
    }

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

        long k = ++_round;
        int zeros = 0;
        for (int i = 0; i < Workers; i++)
        {
            double s = LowerBound(i, k);
            _bounds[i] = s;
            if (s == 0.0)
            {
                zeros++;
            }
        }

        if (zeros == 0)
        {
            _ras.Solve(_bounds, tasks, allocation);
            return;
        }

        AllocateUniformOverZeros(tasks, zeros, allocation);
    }

    /// <inheritdoc />
    public void Observe(int worker, double seconds)
    {
        CheckWorker(worker);
        if (!(seconds >= 0.0) || double.IsPositiveInfinity(seconds))
        {
            throw new ArgumentOutOfRangeException(
                nameof(seconds), seconds, $"Task time of worker {worker} must be finite and >= 0 seconds.");
        }

        _count[worker]++;
        _sum[worker] += seconds;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_count);
        Array.Clear(_sum);
        _round = 0;
    }

    /// <summary>
    /// The lower confidence bound (>= 0) for a worker with empirical mean <paramref name="mean"/> seconds over
    /// <paramref name="samples"/> &gt;= 1 tasks at round <paramref name="round"/> &gt;= 1.
    /// </summary>
    protected abstract double Bound(double mean, long samples, long round);

    /// <summary>ln(2 k^2), the log term of eqs. (7) and (8) (delta = 1 / k^2 in Proposition D.1 / Lemma 6.2).</summary>
    protected static double LogTerm(long round) => Math.Log(2.0) + 2.0 * Math.Log(round);

    private void AllocateUniformOverZeros(int tasks, int zeros, Span<int> allocation)
    {
        int each = tasks / zeros;
        int extra = tasks % zeros;
        int z = 0;
        for (int i = 0; i < Workers; i++)
        {
            allocation[i] = 0;
            if (_bounds[i] == 0.0)
            {
                allocation[i] = each;

                // Sort key (K_i, i): fewest samples first, then lowest index; n <= int.MaxValue so it fits.
                _order[z++] = _count[i] * Workers + i;
            }
        }

        if (extra == 0)
        {
            return;
        }

        Span<long> keys = _order.AsSpan(0, z);
        keys.Sort();
        for (int e = 0; e < extra; e++)
        {
            allocation[(int)(keys[e] % Workers)]++;
        }
    }

    private int CheckWorker(int worker)
    {
        if ((uint)worker >= (uint)Workers)
        {
            throw new ArgumentOutOfRangeException(nameof(worker), worker, $"Worker index must be in [0, {Workers}).");
        }

        return worker;
    }
}
