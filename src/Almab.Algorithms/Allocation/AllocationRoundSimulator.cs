using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Allocation;

/// <summary>
/// Round-level simulator of the ATA paper's experiments (section 7), without an event kernel: each round the
/// policy allocates B tasks, worker i runs its a_i tasks back to back, the round lasts C(a_k) = max_i (sum of its
/// task times) (eq. (1)), the total worker time adds every worker's busy time, and every task time is fed back
/// to the policy (Algorithm 1, lines 8-11). Regret is the proxy regret of eq. (9), l(a_k, mu) - l(a-bar, mu),
/// which is what the paper's Figures 1-3 plot ("averaged cumulative regret, as defined in (9)").
/// </summary>
/// <remarks>
/// Worker i draws its task times from its own stream seed/worker/i/task (the simulated cluster's naming, so a
/// cluster run from the same seed replays the same clocks), restarted for every run, so all policies simulated
/// from one instance see the same worker clocks (common random numbers in each worker's sequence of task times).
/// GTA rounds draw only the task times that can matter (<see cref="GreedyRoundSampler"/>), and take the logarithm of a
/// drawn uniform only for the tasks whose time is needed (<see cref="LazyExponentialGreedyRounds"/>, same rounds bit for bit).
/// </remarks>
public sealed class AllocationRoundSimulator
{
    private readonly ShiftedExponentialTaskTimes _times;
    private readonly Seed _seed;
    private readonly double[] _means;
    private readonly int[] _oracle;

    /// <summary>Creates a simulator for <paramref name="tasks"/> = B tasks per round on the given worker times.</summary>
    public AllocationRoundSimulator(ShiftedExponentialTaskTimes times, int tasks, Seed seed)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (tasks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tasks), tasks, "The task budget B must be >= 1.");
        }

        _times = times;
        Tasks = tasks;
        _seed = seed;
        _means = times.Means();
        _oracle = new int[times.Workers];
        new RecursiveAllocationSelection().Solve(_means, tasks, _oracle);
        OracleProxyLoss = ProxyLoss.Evaluate(_oracle, _means);
    }

    /// <summary>Tasks per round B.</summary>
    public int Tasks { get; }

    /// <summary>Number of workers n.</summary>
    public int Workers => _times.Workers;

    /// <summary>l(a-bar, mu) in seconds: the proxy loss of the oracle allocation a-bar = RAS(mu; B).</summary>
    public double OracleProxyLoss { get; }

    /// <summary>A copy of the oracle allocation a-bar = RAS(mu; B) (what OFTA plays).</summary>
    public int[] OracleAllocation() => (int[])_oracle.Clone();

    /// <summary>Runs <paramref name="policy"/> for <paramref name="rounds"/> rounds from fresh worker streams.</summary>
    public AllocationRun Run(IAllocationPolicy policy, int rounds)
    {
        CheckRounds(rounds);
        var runtime = new double[rounds];
        var total = new double[rounds];
        var regret = new double[rounds];
        var last = new int[Workers];
        Run(policy, rounds, (k, a, c, w, r) =>
        {
            runtime[k - 1] = c;
            total[k - 1] = w;
            regret[k - 1] = r;
            if (k == rounds)
            {
                a.CopyTo(last);
            }
        });
        return new AllocationRun(runtime, total, regret, last);
    }

    /// <summary>
    /// Runs <paramref name="policy"/> for <paramref name="rounds"/> rounds from fresh worker streams, reporting each
    /// round to <paramref name="onRound"/> instead of storing it.
    /// </summary>
    public void Run(IAllocationPolicy policy, long rounds, AllocationRoundCallback onRound)
    {
        ArgumentNullException.ThrowIfNull(onRound);
        RunCore(policy, rounds, onRound, null);
    }

    /// <summary>
    /// As <see cref="Run(IAllocationPolicy, long, AllocationRoundCallback)"/>, and also hands every round's task times
    /// to <paramref name="onTasks"/> (for optimizers that need the order of gradient arrivals, e.g. Algorithm 7),
    /// before <paramref name="onRound"/>; the run ends early after a round for which <paramref name="onTasks"/> returns false.
    /// </summary>
    public void Run(IAllocationPolicy policy, long rounds, AllocationRoundCallback onRound, AllocationTasksCallback onTasks)
    {
        ArgumentNullException.ThrowIfNull(onRound);
        ArgumentNullException.ThrowIfNull(onTasks);
        RunCore(policy, rounds, onRound, onTasks);
    }

    /// <summary>
    /// Runs GTA (<see cref="GreedyTaskAllocation"/>) for <paramref name="rounds"/> rounds from fresh worker streams
    /// and stores every round (<see cref="AllocationRun.ProxyRegret"/> is empty: GTA allocates nothing in advance).
    /// </summary>
    public AllocationRun RunGreedy(int rounds)
    {
        CheckRounds(rounds);
        var runtime = new double[rounds];
        var total = new double[rounds];
        var completed = new int[Workers];
        RunGreedy(rounds, (k, a, c, w, _) =>
        {
            runtime[k - 1] = c;
            total[k - 1] = w;
            if (k == rounds)
            {
                a.CopyTo(completed);
            }
        });
        return new AllocationRun(runtime, total, [], completed);
    }

    /// <summary>
    /// Runs GTA for <paramref name="rounds"/> rounds, reporting each to <paramref name="onRound"/> with the tasks each
    /// worker completed as the allocation and NaN as the proxy regret. Each worker starts a task at the round start
    /// and another whenever it finishes one, until B tasks have completed; the task times come from the workers'
    /// streams in the order each worker starts its tasks, and only tasks started before the round ended are drawn.
    /// </summary>
    /// <remarks>
    /// With <paramref name="onTasks"/>, each round also reports the completed tasks' durations grouped by worker (as
    /// <see cref="AllocationTasksCallback"/> describes, with the completed counts as the allocation) before
    /// <paramref name="onRound"/>, and the run ends early after a round for which it returns false.
    /// </remarks>
    public void RunGreedy(long rounds, AllocationRoundCallback onRound, AllocationTasksCallback? onTasks = null)
    {
        ArgumentNullException.ThrowIfNull(onRound);
        CheckRounds(rounds);
        Rng[] rngs = WorkerStreams();
        var completed = new int[Workers];
        double[] draws = onTasks is null ? [] : new double[Workers * Tasks];
        var taskSeconds = new double[Tasks];
        var gta = new LazyExponentialGreedyRounds(_times, Tasks, rngs);
        for (long k = 1; k <= rounds; k++)
        {
            GreedyRoundResult r = gta.Run(completed, draws);
            bool go = true;
            if (onTasks is not null)
            {
                int offset = 0;
                for (int i = 0; i < Workers; i++)
                {
                    draws.AsSpan(i * Tasks, completed[i]).CopyTo(taskSeconds.AsSpan(offset));
                    offset += completed[i];
                }

                go = onTasks(k, completed, taskSeconds);
            }

            onRound(k, completed, r.RuntimeSeconds, r.TotalWorkerSeconds, double.NaN);
            if (!go)
            {
                return;
            }
        }
    }

    private void RunCore(IAllocationPolicy policy, long rounds, AllocationRoundCallback onRound, AllocationTasksCallback? onTasks)
    {
        ArgumentNullException.ThrowIfNull(policy);
        CheckRounds(rounds);
        if (policy.Workers != Workers)
        {
            throw new ArgumentException($"Policy has {policy.Workers} workers but the simulator has {Workers}.", nameof(policy));
        }

        Rng[] rngs = WorkerStreams();
        var allocation = new int[Workers];
        var taskSeconds = new double[Tasks];
        int n = Workers;
        for (long k = 1; k <= rounds; k++)
        {
            policy.Allocate(Tasks, allocation);
            double longest = 0.0;
            double busy = 0.0;
            double proxy = 0.0;
            int assigned = 0;

            // Workers in ascending order as before (the sums are order-sensitive), skipping idle ones 32 at a time:
            // at n = 459 a round allocates to a few dozen workers at most.
            for (int block = 0; block < n; block += 32)
            {
                uint busyMask = NonZeroMask(allocation, block);
                while (busyMask != 0)
                {
                    int i = block + BitOperations.TrailingZeroCount(busyMask);
                    busyMask &= busyMask - 1;
                    int a = allocation[i];
                    if (a < 0 || a > Tasks - assigned)
                    {
                        CheckAllocation(allocation, k);
                    }

                    Rng rng = rngs[i];
                    Span<double> own = taskSeconds.AsSpan(assigned, a);
                    double sum = 0.0;
                    for (int u = 0; u < own.Length; u++)
                    {
                        double x = _times.Sample(i, rng);
                        sum += x;
                        own[u] = x;
                    }

                    policy.Observe(i, own);
                    assigned += a;
                    busy += sum;
                    longest = Math.Max(longest, sum);
                    proxy = Math.Max(proxy, a * _means[i]);
                }
            }

            if (assigned != Tasks)
            {
                CheckAllocation(allocation, k);
            }

            bool go = onTasks is null || onTasks(k, allocation, taskSeconds);
            onRound(k, allocation, longest, busy, proxy - OracleProxyLoss);
            if (!go)
            {
                return;
            }
        }
    }

    /// <summary>Bit b set when allocation[block + b] != 0, for the (up to) 32 workers from <paramref name="block"/>.</summary>
    private static uint NonZeroMask(int[] allocation, int block)
    {
        int count = Math.Min(32, allocation.Length - block);
        uint mask = 0;
        int b = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref int start = ref MemoryMarshal.GetArrayDataReference(allocation);
            for (; b <= count - Vector512<int>.Count; b += Vector512<int>.Count)
            {
                var v = Vector512.LoadUnsafe(ref start, (nuint)(block + b));
                mask |= (uint)(~Vector512.Equals(v, Vector512<int>.Zero).ExtractMostSignificantBits() & 0xFFFFu) << b;
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            ref int start = ref MemoryMarshal.GetArrayDataReference(allocation);
            for (; b <= count - Vector256<int>.Count; b += Vector256<int>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)(block + b));
                mask |= (~Vector256.Equals(v, Vector256<int>.Zero).ExtractMostSignificantBits() & 0xFFu) << b;
            }
        }

        for (; b < count; b++)
        {
            mask |= allocation[block + b] != 0 ? 1u << b : 0u;
        }

        return mask;
    }

    /// <summary>Throws the message naming what is wrong with an allocation that failed the fast checks of the round loop.</summary>
    private void CheckAllocation(ReadOnlySpan<int> allocation, long k)
    {
        long assigned = 0;
        for (int i = 0; i < allocation.Length; i++)
        {
            if (allocation[i] < 0)
            {
                throw new InvalidOperationException($"Policy allocated {allocation[i]} tasks to worker {i} in round {k}.");
            }

            assigned += allocation[i];
        }

        if (assigned != Tasks)
        {
            throw new InvalidOperationException($"Policy allocated {assigned} tasks in round {k}; B = {Tasks}.");
        }
    }

    private Rng[] WorkerStreams()
    {
        var rngs = new Rng[Workers];
        Seed root = _seed.Derive("worker");
        for (int i = 0; i < Workers; i++)
        {
            rngs[i] = root.Derive(i).Derive("task").CreateRng();
        }

        return rngs;
    }

    private static void CheckRounds(long rounds)
    {
        if (rounds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "Need at least one round.");
        }
    }
}
