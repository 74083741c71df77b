using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Allocation;

/// <summary>
/// GTA rounds (ATA paper, section 1 and Algorithm 3) on shifted-exponential workers
/// (<see cref="ShiftedExponentialTaskTimes"/>), bit for bit the rounds of <see cref="GreedyRoundSampler"/> with
/// <c>next = i =&gt; times.Sample(i, streams[i])</c> and the same uniforms from every worker's stream, computed without an
/// event queue and with the logarithm of a task's uniform taken only when the task's time is needed.
/// </summary>
/// <remarks>
/// A GTA round is an order statistic: each worker completes its tasks at the running sums S_1 &lt; S_2 &lt; … of its
/// task times, and the round ends at the B-th smallest completion over all workers (ties to the lowest worker index,
/// as the heap pops them). So a round is computed in batches: every completion up to a threshold U is found worker by
/// worker, U grows until at least B are found, and the B smallest are ranked. A task's time x = shift + scale (−ln u)
/// is computed only if its completion can be at most U: before that it is bounded by start + shift + scale ℓ(u), with
/// ℓ(u) = (v + v²/2 + v³/3)(1 − 2⁻⁴⁰) ≤ −ln u, v = 1 − u (a truncation of −ln(1 − v) = Σ vᵏ/k; the factor covers the
/// rounding of ℓ and of <see cref="Math.Log(double)"/>, so the computed bound stays below the computed x). At section 7's
/// times and n = 459 that is ~26 logarithms a round instead of ~67, and no heap.
/// <para>Streams: worker i's uniforms are read ahead from its stream when a bound needs them, and the ones the round did
/// not use (GreedyRoundSampler draws one per task started: its first task if its shift is at most the round's
/// runtime, and one after each of its completions but the round's last) are kept, in order, for the next round. The
/// streams must be used by this instance only. Results do not depend on U's schedule (it adapts to the runtimes seen).</para>
/// </remarks>
public sealed class LazyExponentialGreedyRounds
{
    /// <summary>1 − 2⁻⁴⁰: the safety factor of the lower bound ℓ(u).</summary>
    private const double Safety = 1.0 - (1.0 / (1L << 40));

    private readonly int _tasks;
    private readonly int _mask;

    // Slot s is the s-th worker in activation order (by shift, then index), as GreedyRoundSampler orders its lower bounds.
    private readonly int[] _worker;
    private readonly double[] _shift;
    private readonly double[] _scale;
    private readonly Rng[] _rng;

    // Read-ahead uniforms: slot s's pending ones are _ahead[s * (_mask + 1) + ((_head[s] + k) & _mask)], k < _count[s].
    private readonly double[] _ahead;
    private readonly int[] _head;
    private readonly int[] _count;

    // The round so far: per slot the last found completion S, the tasks found j, and the next completion's key (its
    // time once _exact, else the lower bound), task time and uniform.
    private readonly double[] _last;
    private readonly int[] _found;
    private readonly double[] _nextKey;
    private readonly double[] _nextSeconds;
    private readonly double[] _nextUniform;
    private readonly bool[] _exact;

    // Completions found (time, tie = worker (B + 1) + j, task time, slot), padded for the vector ranking.
    private double[] _time;
    private long[] _tie;
    private double[] _seconds;
    private int[] _slot;
    private readonly int[] _rank;
    private readonly int[] _work;
    private int _records;
    private double _threshold;

    /// <summary>
    /// Creates the rounds of <paramref name="tasks"/> = B completions for the workers of <paramref name="times"/>, worker i
    /// drawing from <paramref name="streams"/>[i].
    /// </summary>
    public LazyExponentialGreedyRounds(ShiftedExponentialTaskTimes times, int tasks, IReadOnlyList<Rng> streams)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(streams);
        if (tasks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tasks), tasks, "The task budget B must be >= 1.");
        }

        int n = times.Workers;
        if (streams.Count != n)
        {
            throw new ArgumentException($"Need one stream per worker: {streams.Count} streams for n = {n}.", nameof(streams));
        }

        _tasks = tasks;
        _mask = (int)BitOperations.RoundUpToPowerOf2((uint)tasks) - 1;
        var shifts = new double[n];
        _worker = new int[n];
        for (int i = 0; i < n; i++)
        {
            shifts[i] = times.Shift(i);
            _worker[i] = i;
        }

        Array.Sort(_worker, (a, b) => shifts[a] != shifts[b] ? shifts[a].CompareTo(shifts[b]) : a.CompareTo(b));
        _shift = new double[n];
        _scale = new double[n];
        _rng = new Rng[n];
        for (int s = 0; s < n; s++)
        {
            _shift[s] = times.Shift(_worker[s]);
            _scale[s] = times.Scale(_worker[s]);
            _rng[s] = streams[_worker[s]] ?? throw new ArgumentException($"Stream {_worker[s]} is null.", nameof(streams));
        }

        _ahead = new double[n * (_mask + 1)];
        _head = new int[n];
        _count = new int[n];
        _last = new double[n];
        _found = new int[n];
        _nextKey = new double[n];
        _nextSeconds = new double[n];
        _nextUniform = new double[n];
        _exact = new bool[n];
        _time = new double[64];
        _tie = new long[64];
        _seconds = new double[64];
        _slot = new int[64];
        _rank = new int[tasks];
        _work = new int[n];
        _threshold = _shift[0] + _scale[0];
    }

    /// <summary>Number of workers n.</summary>
    public int Workers => _shift.Length;

    /// <summary>The lower bound ℓ(u) ≤ −ln u of a pending task (see the remarks), for u in (0, 1]; exposed for tests.</summary>
    public static double LogLowerBound(double uniform)
    {
        double v = 1.0 - uniform;
        return v * (1.0 + (v * (0.5 + (v * (1.0 / 3.0))))) * Safety;
    }

    /// <summary>
    /// Simulates the next GTA round: <paramref name="completed"/> (length n) receives the tasks each worker completed
    /// (summing to B), and <paramref name="completedSeconds"/> (empty, or length n·B) the completed tasks' times, worker
    /// i's u-th at i·B + u.
    /// </summary>
    public GreedyRoundResult Run(Span<int> completed, Span<double> completedSeconds)
    {
        int n = Workers;
        int tasks = _tasks;
        if (completed.Length != n || (!completedSeconds.IsEmpty && completedSeconds.Length != n * tasks))
        {
            throw new ArgumentException($"Need n = {n} completed counts (and n·B = {n * tasks} task times or none).", nameof(completed));
        }

        completed.Clear();
        _records = 0;
        int activated = 0;
        double threshold = _threshold;
        bool grew = false;
        int[] work = _work;
        while (true)
        {
            // Every completion up to U, in waves over the workers: a wave takes the logarithms of all its pending tasks
            // (independent calls, which the CPU overlaps), then records the completions up to U and bounds the next tasks.
            int m = 0;
            for (int s = 0; s < activated; s++)
            {
                if (_nextKey[s] <= threshold && (!_exact[s] || Complete(s, threshold)))
                {
                    work[m++] = s;
                }
            }

            while (activated < n && _shift[activated] <= threshold)
            {
                int s = activated++;
                double u = Peek(s, 0);
                _last[s] = -0.0; // -0.0 + x == x for every x: a first task completes at x itself, as in GreedyRoundSampler.
                _found[s] = 0;
                _nextUniform[s] = u;
                _exact[s] = false;
                double key = -0.0 + (_shift[s] + (_scale[s] * LogLowerBound(u)));
                _nextKey[s] = key;
                work[m] = s;
                m += key <= threshold ? 1 : 0;
            }

            while (m > 0)
            {
                for (int i = 0; i < m; i++)
                {
                    int s = work[i];

                    // x = shift + scale (−ln u): the operations of ShiftedExponentialTaskTimes.Sample / FromUniform.
                    double x = _shift[s] + (-_scale[s] * Math.Log(_nextUniform[s]));
                    _nextSeconds[s] = x;
                    _nextKey[s] = _last[s] + x;
                    _exact[s] = true;
                }

                int kept = 0;
                for (int i = 0; i < m; i++)
                {
                    int s = work[i];
                    if (_nextKey[s] <= threshold && Complete(s, threshold))
                    {
                        work[kept++] = s;
                    }
                }

                m = kept;
            }

            if (_records >= tasks)
            {
                break;
            }

            // Not B completions up to U yet: grow U, at least to the earliest pending key so that every pass makes progress.
            double pending = activated < n ? _shift[activated] : double.PositiveInfinity;
            for (int s = 0; s < activated; s++)
            {
                double key = _nextKey[s];
                pending = key < pending ? key : pending;
            }

            threshold = Math.Max(threshold * 1.03, pending);
            grew = true;
        }

        // U adapts so that about half the rounds need to grow it: a round's runtime varies by about +-8 % at section 7's times.
        _threshold = grew ? Math.Max(_threshold * 1.02, threshold * 0.98) : _threshold * 0.98;
        int lastSlot = Rank();
        double runtime = _time[_rank[tasks - 1]];
        double used = 0.0;
        bool record = !completedSeconds.IsEmpty;
        for (int r = 0; r < tasks; r++)
        {
            int c = _rank[r];
            int w = _worker[_slot[c]];
            double x = _seconds[c];
            used += x;
            if (record)
            {
                completedSeconds[(w * tasks) + completed[w]] = x;
            }

            completed[w]++;
        }

        // Consume what GreedyRoundSampler drew: one uniform per started task. The rest stay ahead for the next round.
        for (int s = 0; s < activated && _shift[s] <= runtime; s++)
        {
            int consumed = 1 + completed[_worker[s]] - (s == lastSlot ? 1 : 0);
            _head[s] = (_head[s] + consumed) & _mask;
            _count[s] -= consumed;
        }

        double total = n * runtime;
        return new GreedyRoundResult(runtime, total, used, total - used);
    }

    /// <summary>
    /// Records slot s's next completion (exact, at most U) and bounds its next task; true when that bound is at most
    /// <paramref name="threshold"/> (the task's time is then needed in this pass).
    /// </summary>
    private bool Complete(int s, double threshold)
    {
        double t = _nextKey[s];
        Record(t, s, _found[s], _nextSeconds[s]);
        _last[s] = t;
        int j = ++_found[s];
        if (j == _tasks)
        {
            _nextKey[s] = double.PositiveInfinity; // a worker completes at most B tasks a round
            return false;
        }

        double u = Peek(s, j);
        _nextUniform[s] = u;
        _exact[s] = false;
        double key = t + (_shift[s] + (_scale[s] * LogLowerBound(u)));
        _nextKey[s] = key;
        return key <= threshold;
    }

    /// <summary>Slot s's k-th pending uniform of this round (k &lt;= the ones already pending), drawn from its stream when new.</summary>
    private double Peek(int s, int k)
    {
        int baseIndex = s * (_mask + 1);
        if (k == _count[s])
        {
            _ahead[baseIndex + ((_head[s] + k) & _mask)] = _rng[s].NextOpenDouble();
            _count[s]++;
        }

        return _ahead[baseIndex + ((_head[s] + k) & _mask)];
    }

    private void Record(double time, int slot, int j, double seconds)
    {
        int c = _records++;
        if (c + Vector512<double>.Count >= _time.Length)
        {
            Array.Resize(ref _time, _time.Length * 2);
            Array.Resize(ref _tie, _tie.Length * 2);
            Array.Resize(ref _seconds, _seconds.Length * 2);
            Array.Resize(ref _slot, _slot.Length * 2);
        }

        _time[c] = time;
        _tie[c] = ((long)_worker[slot] * (_tasks + 1)) + j;
        _seconds[c] = seconds;
        _slot[c] = slot;
    }

    /// <summary>
    /// Writes the indices of the B smallest completions, in the order the heap pops them ((time, worker, task) ascending),
    /// into _rank; returns the slot of the B-th (the round's last completion). Each rank counts the smaller completions:
    /// by time alone, eight per compare, which is the (time, tie) rank when no two times are equal; equal ranks reveal
    /// equal times, and the round is then ranked again with the ties.
    /// </summary>
    private int Rank()
    {
        int count = _records;
        if (Vector512.IsHardwareAccelerated && count <= 64)
        {
            int padded = (count + Vector512<double>.Count - 1) & ~(Vector512<double>.Count - 1);
            _time.AsSpan(count, padded - count).Fill(double.PositiveInfinity);
            ref double times = ref MemoryMarshal.GetArrayDataReference(_time);
            ulong seen = 0;
            bool distinct = true;
            for (int i = 0; i < count; i++)
            {
                var vt = Vector512.Create(_time[i]);
                int rank = 0;
                for (int b = 0; b < padded; b += Vector512<double>.Count)
                {
                    rank += BitOperations.PopCount(Vector512.LessThan(Vector512.LoadUnsafe(ref times, (nuint)b), vt).ExtractMostSignificantBits());
                }

                ulong bit = 1UL << rank;
                distinct &= (seen & bit) == 0;
                seen |= bit;
                if (rank < _tasks)
                {
                    _rank[rank] = i;
                }
            }

            if (distinct)
            {
                return _slot[_rank[_tasks - 1]];
            }
        }

        return RankWithTies();
    }

    /// <summary><see cref="Rank"/> on (time, tie): equal times ordered by worker, then task, as the heap pops them.</summary>
    private int RankWithTies()
    {
        int count = _records;
        int padded = (count + Vector256<double>.Count - 1) & ~(Vector256<double>.Count - 1);
        _time.AsSpan(count, padded - count).Fill(double.PositiveInfinity);
        _tie.AsSpan(count, padded - count).Fill(long.MaxValue);
        ref double times = ref MemoryMarshal.GetArrayDataReference(_time);
        ref long ties = ref MemoryMarshal.GetArrayDataReference(_tie);
        for (int i = 0; i < count; i++)
        {
            double t = _time[i];
            long k = _tie[i];
            int rank = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var vt = Vector256.Create(t);
                var vk = Vector256.Create(k);
                for (int b = 0; b < padded; b += Vector256<double>.Count)
                {
                    var other = Vector256.LoadUnsafe(ref times, (nuint)b);
                    var before = Vector256.LessThan(other, vt)
                        | (Vector256.Equals(other, vt) & Vector256.LessThan(Vector256.LoadUnsafe(ref ties, (nuint)b), vk).AsDouble());
                    rank += BitOperations.PopCount(before.ExtractMostSignificantBits());
                }
            }
            else
            {
                for (int b = 0; b < count; b++)
                {
                    rank += _time[b] < t || (_time[b] == t && _tie[b] < k) ? 1 : 0;
                }
            }

            if (rank < _tasks)
            {
                _rank[rank] = i;
            }
        }

        return _slot[_rank[_tasks - 1]];
    }
}
