using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    private readonly double[] _mean;
    private readonly double[] _inverseCount;
    private readonly double[] _inverseSqrtCount;
    private readonly bool[] _dirty;
    private readonly int[] _dirtyList;
    private readonly double[] _bounds;
    private readonly int[] _candidates;
    private readonly int[] _zeros;
    private long[] _zeroCounts = [];
    private int _dirtyCount;
    private double _threshold = double.NaN;

    /// <summary>
    /// The next round's RAS candidates are the workers whose bound is at most (1 + margin) times the last RAS's B-th
    /// value. The bounds move little between rounds, but ATA-E keeps hundreds of them within a fraction of a percent,
    /// so the margin adapts: halved while the candidates are more than 2B, quadrupled after a miss (which only costs
    /// a full RAS).
    /// </summary>
    private double _margin = 1.0 / 1024.0;
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
        _mean = new double[workers];
        _inverseCount = new double[workers];
        _inverseSqrtCount = new double[workers];
        _dirty = new bool[workers];
        _dirtyList = new int[workers];
        _bounds = new double[workers];
        _candidates = new int[workers];
        _zeros = new int[workers];
    }

    /// <summary>Smallest relative margin of the RAS candidate threshold (see <see cref="_margin"/>).</summary>
    private const double MinimumMargin = 1.0 / (1L << 40);

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

        Refresh();
        double log = LogTerm(round);
        return BoundOf(worker, Math.Sqrt(log), log);
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
        Refresh();
        double log = LogTerm(k);
        double sqrtLog = Math.Sqrt(log);
        ComputeBounds(_mean, _inverseSqrtCount, _inverseCount, sqrtLog, log, _bounds);
        int zeros = ScanBounds(_bounds, _threshold, _candidates, out int below, _zeros);

        if (zeros == 0)
        {
            if (tasks == 0)
            {
                allocation.Clear();
                return;
            }

            // RAS only on the workers whose bound is at most the last round's B-th value (plus a margin): the bounds move
            // little between rounds, and RAS checks that the restricted merge is the full one (else the full RAS runs).

            if (_ras.TrySolvePositive(_bounds, _candidates.AsSpan(0, below), tasks, _threshold, allocation, out double last))
            {
                if (below > 2 * tasks)
                {
                    _margin = Math.Max(_margin * 0.5, MinimumMargin);
                }
            }
            else
            {
                _ras.SolvePositive(_bounds, tasks, allocation, out last);
                _margin = Math.Min(_margin * 4.0, 1.0);
            }

            _threshold = last * (1.0 + _margin);
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
        if (!_dirty[worker])
        {
            _dirty[worker] = true;
            _dirtyList[_dirtyCount++] = worker;
        }
    }

    /// <inheritdoc />
    public void Observe(int worker, ReadOnlySpan<double> seconds)
    {
        CheckWorker(worker);
        if (seconds.IsEmpty)
        {
            return;
        }

        // The same sequential sum as one Observe per task (bit for bit); a bad value keeps the tasks before it, as there.
        double sum = _sum[worker];
        int u = 0;
        for (; u < seconds.Length; u++)
        {
            double x = seconds[u];
            if (!(x >= 0.0) || double.IsPositiveInfinity(x))
            {
                break;
            }

            sum += x;
        }

        _count[worker] += u;
        _sum[worker] = sum;
        if (u > 0 && !_dirty[worker])
        {
            _dirty[worker] = true;
            _dirtyList[_dirtyCount++] = worker;
        }

        if (u < seconds.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(seconds), seconds[u], $"Task time of worker {worker} must be finite and >= 0 seconds.");
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_count);
        Array.Clear(_sum);
        Array.Clear(_mean);
        Array.Clear(_inverseCount);
        Array.Clear(_inverseSqrtCount);
        Array.Clear(_dirty);
        _dirtyCount = 0;
        _round = 0;
        _threshold = double.NaN;
        _margin = 1.0 / 1024.0;
    }

    /// <summary>
    /// The lower confidence bound (&gt;= 0) for a worker with empirical mean <paramref name="mean"/> seconds, given
    /// <paramref name="deviation"/> = sqrt(ln(2k^2) / K) + ln(2k^2) / K, the factor shared by eqs. (7) and (8) for
    /// K &gt;= 1 samples at round k.
    /// </summary>
    protected abstract double Bound(double mean, double deviation);

    /// <summary>
    /// Every worker's bound at once: <c>bounds[i] = Bound(mean[i], sqrtLog * inverseSqrtCount[i] + log * inverseCount[i])</c>,
    /// the same operations in the same order (so bit for bit the values of <see cref="Bound"/>), over arrays in which a
    /// worker without samples has mean, 1/sqrt(K) and 1/K all 0, which every bound maps to 0. Overridden with a branch-free
    /// SIMD loop (the per-worker virtual call was the hot spot of Tables 1-2 at n = 459).
    /// </summary>
    protected abstract void ComputeBounds(
        ReadOnlySpan<double> mean, ReadOnlySpan<double> inverseSqrtCount, ReadOnlySpan<double> inverseCount, double sqrtLog, double log, Span<double> bounds);

    /// <summary>A bound's formula on four lanes at once, in the operations and order of its scalar <see cref="Bound"/>.</summary>
    protected interface ILaneBound
    {
        /// <summary>The bounds of four workers from their means, deviations and the policy's coefficient.</summary>
        static abstract Vector256<double> Lanes(Vector256<double> mean, Vector256<double> deviation, Vector256<double> coefficient);

        /// <summary>The same formula on eight lanes.</summary>
        static abstract Vector512<double> Lanes(Vector512<double> mean, Vector512<double> deviation, Vector512<double> coefficient);
    }

    /// <summary>
    /// <see cref="ComputeBounds"/> as one branch-free SIMD loop over <typeparamref name="TBound"/>'s lane formula (with
    /// <paramref name="coefficient"/> broadcast) and the scalar <see cref="Bound"/> for the tail. Separate multiplies and
    /// adds (no fused multiply-add), so the values are bit for bit those of <see cref="Bound"/>.
    /// </summary>
    protected void ComputeBoundsWith<TBound>(ReadOnlySpan<double> mean, ReadOnlySpan<double> inverseSqrtCount, ReadOnlySpan<double> inverseCount,
        double sqrtLog, double log, double coefficient, Span<double> bounds)
        where TBound : struct, ILaneBound
    {
        int n = bounds.Length;
        if (mean.Length < n || inverseSqrtCount.Length < n || inverseCount.Length < n)
        {
            throw new ArgumentException("Every per-worker span needs one entry per bound.", nameof(mean));
        }

        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref double m = ref MemoryMarshal.GetReference(mean);
            ref double a = ref MemoryMarshal.GetReference(inverseSqrtCount);
            ref double b = ref MemoryMarshal.GetReference(inverseCount);
            ref double o = ref MemoryMarshal.GetReference(bounds);
            var vSqrtLog = Vector512.Create(sqrtLog);
            var vLog = Vector512.Create(log);
            var vCoefficient = Vector512.Create(coefficient);
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var deviation = (vSqrtLog * Vector512.LoadUnsafe(ref a, (nuint)i)) + (vLog * Vector512.LoadUnsafe(ref b, (nuint)i));
                TBound.Lanes(Vector512.LoadUnsafe(ref m, (nuint)i), deviation, vCoefficient).StoreUnsafe(ref o, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            ref double m = ref MemoryMarshal.GetReference(mean);
            ref double a = ref MemoryMarshal.GetReference(inverseSqrtCount);
            ref double b = ref MemoryMarshal.GetReference(inverseCount);
            ref double o = ref MemoryMarshal.GetReference(bounds);
            var vSqrtLog = Vector256.Create(sqrtLog);
            var vLog = Vector256.Create(log);
            var vCoefficient = Vector256.Create(coefficient);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var deviation = (vSqrtLog * Vector256.LoadUnsafe(ref a, (nuint)i)) + (vLog * Vector256.LoadUnsafe(ref b, (nuint)i));
                TBound.Lanes(Vector256.LoadUnsafe(ref m, (nuint)i), deviation, vCoefficient).StoreUnsafe(ref o, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            bounds[i] = Bound(mean[i], (sqrtLog * inverseSqrtCount[i]) + (log * inverseCount[i]));
        }
    }

    /// <summary>Appends <paramref name="first"/> + j for each set bit j of <paramref name="mask"/> (ascending) to <paramref name="list"/> from <paramref name="count"/>; returns the new count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AppendLanes(ulong mask, int first, Span<int> list, int count)
    {
        while (mask != 0)
        {
            list[count++] = first + BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
        }

        return count;
    }

    /// <summary>
    /// One pass over the bounds: writes into <paramref name="zeroList"/> the indices (ascending) of the exact zeros and
    /// returns their number, and writes into <paramref name="below"/> the indices (ascending) of the <paramref name="count"/>
    /// bounds &lt;= <paramref name="threshold"/> (none when it is NaN).
    /// </summary>
    private static int ScanBounds(ReadOnlySpan<double> values, double threshold, Span<int> below, out int count, Span<int> zeroList)
    {
        int zeros = 0;
        int found = 0;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            var limit = Vector512.Create(threshold);
            for (; i <= values.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref start, (nuint)i);
                zeros = AppendLanes(Vector512.Equals(v, Vector512<double>.Zero).ExtractMostSignificantBits(), i, zeroList, zeros);
                found = AppendLanes(Vector512.LessThanOrEqual(v, limit).ExtractMostSignificantBits(), i, below, found);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            var limit = Vector256.Create(threshold);
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                zeros = AppendLanes(Vector256.Equals(v, Vector256<double>.Zero).ExtractMostSignificantBits(), i, zeroList, zeros);
                found = AppendLanes(Vector256.LessThanOrEqual(v, limit).ExtractMostSignificantBits(), i, below, found);
            }
        }

        for (; i < values.Length; i++)
        {
            if (values[i] == 0.0)
            {
                zeroList[zeros++] = i;
            }

            if (values[i] <= threshold)
            {
                below[found++] = i;
            }
        }

        count = found;
        return zeros;
    }

    /// <summary>ln(2 k^2), the log term of eqs. (7) and (8) (delta = 1 / k^2 in Proposition D.1 / Lemma 6.2).</summary>
    protected static double LogTerm(long round) => Math.Log(2.0) + 2.0 * Math.Log(round);

    /// <summary>
    /// s_i at the round whose log term is <paramref name="log"/>: 1/K and 1/sqrt(K) are cached per worker, so a round
    /// costs two multiplications per worker instead of a division and a square root (the hot loop of Tables 1-2).
    /// </summary>
    private double BoundOf(int worker, double sqrtLog, double log) =>
        _count[worker] == 0
            ? 0.0
            : Bound(_mean[worker], (sqrtLog * _inverseSqrtCount[worker]) + (log * _inverseCount[worker]));

    /// <summary>
    /// Recomputes the cached mean, 1/K and 1/sqrt(K) of the workers observed since the last refresh, four workers per
    /// vector (divisions and square roots are correctly rounded in every lane, so the values are those of the scalar tail).
    /// </summary>
    private void Refresh()
    {
        int d = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; d <= _dirtyCount - Vector256<double>.Count; d += Vector256<double>.Count)
            {
                int i0 = _dirtyList[d], i1 = _dirtyList[d + 1], i2 = _dirtyList[d + 2], i3 = _dirtyList[d + 3];
                _dirty[i0] = _dirty[i1] = _dirty[i2] = _dirty[i3] = false;
                var count = Vector256.Create((double)_count[i0], _count[i1], _count[i2], _count[i3]);
                var mean = Vector256.Create(_sum[i0], _sum[i1], _sum[i2], _sum[i3]) / count;
                var inverse = Vector256<double>.One / count;
                var inverseSqrt = Vector256<double>.One / Vector256.Sqrt(count);
                Scatter(_mean, mean, i0, i1, i2, i3);
                Scatter(_inverseCount, inverse, i0, i1, i2, i3);
                Scatter(_inverseSqrtCount, inverseSqrt, i0, i1, i2, i3);
            }
        }

        for (; d < _dirtyCount; d++)
        {
            int i = _dirtyList[d];
            _dirty[i] = false;
            double count = _count[i];
            _mean[i] = _sum[i] / count;
            _inverseCount[i] = 1.0 / count;
            _inverseSqrtCount[i] = 1.0 / Math.Sqrt(count);
        }

        _dirtyCount = 0;
    }

    private static void Scatter(double[] target, Vector256<double> values, int i0, int i1, int i2, int i3)
    {
        target[i0] = values.GetElement(0);
        target[i1] = values.GetElement(1);
        target[i2] = values.GetElement(2);
        target[i3] = values.GetElement(3);
    }

    /// <summary>
    /// The uniform phase: each of the z zero-bound workers (<see cref="_zeros"/>, ascending) gets floor(B / z), and the
    /// B mod z smallest sort keys (K_i, i) among them (fewest samples first, then lowest index) one more. Found level by
    /// level over the zero list: a pass hands the extra tasks, in index order, to the workers with K_i equal to the current
    /// level while it computes the next level (the smallest K_i above it). The zero-bound counts lie within a level or two
    /// of each other (the phase cycles through them), so a round takes two or three passes over z entries (the first,
    /// at level -1, only finds the smallest level), not the n-entry scan and heap of before.
    /// </summary>
    private void AllocateUniformOverZeros(int tasks, int zeros, Span<int> allocation)
    {
        int each = tasks / zeros;
        int extra = tasks % zeros;
        allocation.Clear();
        ReadOnlySpan<int> list = _zeros.AsSpan(0, zeros);
        if (each > 0)
        {
            foreach (int i in list)
            {
                allocation[i] = each;
            }
        }

        if (extra > 0 && Vector512.IsHardwareAccelerated)
        {
            HandOutByLevels(extra, zeros, allocation);
            return;
        }

        long level = -1;
        while (extra > 0)
        {
            long next = long.MaxValue;
            foreach (int i in list)
            {
                long count = _count[i];
                if (count == level)
                {
                    allocation[i]++;
                    if (--extra == 0)
                    {
                        return;
                    }
                }
                else if (count > level && count < next)
                {
                    next = count;
                }
            }

            level = next;
        }
    }

    /// <summary>
    /// The level passes of <see cref="AllocateUniformOverZeros"/> on vectors: the zero-bound workers' K_i copied into one
    /// array (in zero-list order), each level's workers found eight per compare and handed the extra tasks in list order,
    /// and the next level (the smallest K_i above the current) taken as a vector minimum, without the per-worker branches
    /// on K_i (which the CPU mispredicts, the counts differing by one between neighbours).
    /// </summary>
    private void HandOutByLevels(int extra, int zeros, Span<int> allocation)
    {
        int padded = (zeros + Vector512<long>.Count - 1) & ~(Vector512<long>.Count - 1);
        if (_zeroCounts.Length < padded)
        {
            _zeroCounts = new long[padded];
        }

        long[] counts = _zeroCounts;
        int[] list = _zeros;
        for (int j = 0; j < zeros; j++)
        {
            counts[j] = _count[list[j]];
        }

        counts.AsSpan(zeros, padded - zeros).Fill(long.MaxValue); // above every level while a task is left (extra < zeros)
        ref long start = ref MemoryMarshal.GetArrayDataReference(counts);
        var least = Vector512.Create(long.MaxValue);
        for (int b = 0; b < padded; b += Vector512<long>.Count)
        {
            least = Vector512.Min(least, Vector512.LoadUnsafe(ref start, (nuint)b));
        }

        long level = Minimum(least);
        while (true)
        {
            var current = Vector512.Create(level);
            var next = Vector512.Create(long.MaxValue);
            for (int b = 0; b < padded; b += Vector512<long>.Count)
            {
                var k = Vector512.LoadUnsafe(ref start, (nuint)b);
                for (ulong hits = Vector512.Equals(k, current).ExtractMostSignificantBits(); hits != 0; hits &= hits - 1)
                {
                    allocation[list[b + BitOperations.TrailingZeroCount(hits)]]++;
                    if (--extra == 0)
                    {
                        return;
                    }
                }

                next = Vector512.Min(next, Vector512.ConditionalSelect(Vector512.GreaterThan(k, current), k, Vector512.Create(long.MaxValue)));
            }

            level = Minimum(next);
        }
    }

    private static long Minimum(Vector512<long> lanes)
    {
        long m = lanes.GetElement(0);
        for (int lane = 1; lane < Vector512<long>.Count; lane++)
        {
            m = Math.Min(m, lanes.GetElement(lane));
        }

        return m;
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
