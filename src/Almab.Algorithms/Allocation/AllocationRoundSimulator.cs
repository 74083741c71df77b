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
/// Worker i draws its task times from its own stream seed.Derive("worker").Derive(i), restarted for every run,
/// so all policies simulated from one instance see the same worker clocks (common random numbers in each
/// worker's sequence of task times).
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
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(onRound);
        CheckRounds(rounds);
        if (policy.Workers != Workers)
        {
            throw new ArgumentException($"Policy has {policy.Workers} workers but the simulator has {Workers}.", nameof(policy));
        }

        Rng[] rngs = WorkerStreams();
        var allocation = new int[Workers];
        for (long k = 1; k <= rounds; k++)
        {
            policy.Allocate(Tasks, allocation);
            double longest = 0.0;
            double busy = 0.0;
            int assigned = 0;
            for (int i = 0; i < Workers; i++)
            {
                int a = allocation[i];
                if (a < 0)
                {
                    throw new InvalidOperationException($"Policy allocated {a} tasks to worker {i} in round {k}.");
                }

                assigned += a;
                double sum = 0.0;
                for (int u = 0; u < a; u++)
                {
                    double x = _times.Sample(i, rngs[i]);
                    sum += x;
                    policy.Observe(i, x);
                }

                busy += sum;
                longest = Math.Max(longest, sum);
            }

            if (assigned != Tasks)
            {
                throw new InvalidOperationException($"Policy allocated {assigned} tasks in round {k}; B = {Tasks}.");
            }

            onRound(k, allocation, longest, busy, ProxyLoss.Evaluate(allocation, _means) - OracleProxyLoss);
        }
    }

    /// <summary>
    /// Runs GTA (<see cref="GreedyTaskAllocation"/>) for <paramref name="rounds"/> rounds: each round every worker
    /// draws B task times (the most it could finish) and the greedy round is simulated on them.
    /// </summary>
    public AllocationRun RunGreedy(int rounds)
    {
        CheckRounds(rounds);
        Rng[] rngs = WorkerStreams();
        var runtime = new double[rounds];
        var total = new double[rounds];
        var completed = new int[Workers];
        var draws = new double[Workers * Tasks];
        for (int k = 0; k < rounds; k++)
        {
            for (int i = 0; i < Workers; i++)
            {
                for (int u = 0; u < Tasks; u++)
                {
                    draws[i * Tasks + u] = _times.Sample(i, rngs[i]);
                }
            }

            GreedyRoundResult r = GreedyTaskAllocation.SimulateRound(draws, Workers, Tasks, completed);
            runtime[k] = r.RuntimeSeconds;
            total[k] = r.TotalWorkerSeconds;
        }

        return new AllocationRun(runtime, total, [], completed);
    }

    private Rng[] WorkerStreams()
    {
        var rngs = new Rng[Workers];
        Seed root = _seed.Derive("worker");
        for (int i = 0; i < Workers; i++)
        {
            rngs[i] = root.Derive(i).CreateRng();
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
