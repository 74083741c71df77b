namespace Almab.Algorithms.Allocation;

/// <summary>
/// Draws the task time of worker <paramref name="worker"/>'s next task in the current GTA round, in seconds.
/// Called in the order each worker starts its tasks (its (u+1)-th call is its (u+1)-th task of the round).
/// </summary>
public delegate double NextTaskSeconds(int worker);

/// <summary>
/// GTA rounds (ATA paper, section 1 and Algorithm 3) that draw only the task times that can matter: the same round as
/// <see cref="GreedyTaskAllocation.SimulateRound"/>, event by event, but a worker whose task times are bounded below
/// by <c>minimumSeconds[i]</c> is only asked for its first task once the event clock passes that bound. Workers
/// never asked could not have completed a task before the B-th completion, so the round is unchanged, and with the
/// section 7 times (shift 29 sqrt(i)) a round at n = 459 touches a dozen workers instead of all of them.
/// </summary>
/// <remarks>
/// Events are popped from a binary heap ordered by (completion time, worker index), so ties break to the lowest
/// worker index as in <see cref="GreedyTaskAllocation"/>. Abandoned work is counted as there: total worker time is
/// n * runtime. The instance keeps its buffers; one instance per thread.
/// </remarks>
public sealed class GreedyRoundSampler
{
    private readonly int[] _order;
    private readonly double[] _minimum;
    private readonly double[] _heapTime;
    private readonly int[] _heapWorker;
    private readonly double[] _current;

    /// <summary>Creates the sampler for workers whose task times are never below <paramref name="minimumSeconds"/> (finite, &gt;= 0).</summary>
    public GreedyRoundSampler(ReadOnlySpan<double> minimumSeconds)
    {
        if (minimumSeconds.Length == 0)
        {
            throw new ArgumentException("GTA needs at least one worker; minimumSeconds is empty.", nameof(minimumSeconds));
        }

        int n = minimumSeconds.Length;
        _minimum = new double[n];
        _order = new int[n];
        for (int i = 0; i < n; i++)
        {
            double m = minimumSeconds[i];
            if (!(m >= 0.0) || double.IsPositiveInfinity(m))
            {
                throw new ArgumentOutOfRangeException(nameof(minimumSeconds), m, $"Minimum task time of worker {i} must be finite and >= 0 seconds.");
            }

            _minimum[i] = m;
            _order[i] = i;
        }

        // Activation order: by lower bound, then index (a stable order keeps runs reproducible).
        Array.Sort(_order, (a, b) => _minimum[a] != _minimum[b] ? _minimum[a].CompareTo(_minimum[b]) : a.CompareTo(b));
        _heapTime = new double[n];
        _heapWorker = new int[n];
        _current = new double[n];
    }

    /// <summary>Number of workers n.</summary>
    public int Workers => _minimum.Length;

    /// <summary>
    /// Simulates one GTA round of <paramref name="tasks"/> = B completions; <paramref name="completed"/> (length n)
    /// receives the tasks each worker completed (summing to B).
    /// </summary>
    public GreedyRoundResult Run(int tasks, NextTaskSeconds next, Span<int> completed)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (tasks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tasks), tasks, "The task budget B must be >= 1.");
        }

        if (completed.Length != Workers)
        {
            throw new ArgumentException($"completed has {completed.Length} entries; n = {Workers}.", nameof(completed));
        }

        completed.Clear();
        int n = Workers;
        int size = 0;
        int activated = 0;
        double runtime = 0.0;
        double used = 0.0;
        for (int done = 0; done < tasks;)
        {
            while (activated < n && (size == 0 || _minimum[_order[activated]] <= _heapTime[0]))
            {
                int w = _order[activated++];
                double x = Check(next(w), w);
                _current[w] = x;
                Push(ref size, x, w);
            }

            double t = _heapTime[0];
            int worker = _heapWorker[0];
            runtime = t;
            used += _current[worker];
            completed[worker]++;
            done++;
            if (done < tasks)
            {
                double x = Check(next(worker), worker);
                _current[worker] = x;
                _heapTime[0] = t + x;
                SiftDown(0, size);
            }
        }

        double total = n * runtime;
        return new GreedyRoundResult(runtime, total, used, total - used);
    }

    private static double Check(double seconds, int worker) =>
        seconds >= 0.0 && !double.IsPositiveInfinity(seconds)
            ? seconds
            : throw new ArgumentOutOfRangeException(nameof(seconds), seconds, $"Task time of worker {worker} must be finite and >= 0 seconds.");

    private void Push(ref int size, double time, int worker)
    {
        int c = size++;
        while (c > 0)
        {
            int parent = (c - 1) >> 1;
            if (!Before(time, worker, _heapTime[parent], _heapWorker[parent]))
            {
                break;
            }

            _heapTime[c] = _heapTime[parent];
            _heapWorker[c] = _heapWorker[parent];
            c = parent;
        }

        _heapTime[c] = time;
        _heapWorker[c] = worker;
    }

    private void SiftDown(int c, int size)
    {
        double time = _heapTime[c];
        int worker = _heapWorker[c];
        while (true)
        {
            int child = (2 * c) + 1;
            if (child >= size)
            {
                break;
            }

            if (child + 1 < size && Before(_heapTime[child + 1], _heapWorker[child + 1], _heapTime[child], _heapWorker[child]))
            {
                child++;
            }

            if (!Before(_heapTime[child], _heapWorker[child], time, worker))
            {
                break;
            }

            _heapTime[c] = _heapTime[child];
            _heapWorker[c] = _heapWorker[child];
            c = child;
        }

        _heapTime[c] = time;
        _heapWorker[c] = worker;
    }

    private static bool Before(double timeA, int workerA, double timeB, int workerB) =>
        timeA < timeB || (timeA == timeB && workerA < workerB);
}
