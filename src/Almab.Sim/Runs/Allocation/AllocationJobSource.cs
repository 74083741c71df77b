using Almab.Algorithms.Allocation;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Allocation;

/// <summary>
/// The <see cref="IJobSource"/> of an allocation run: opens round k by asking the policy for a_k, hands each worker its
/// a_i unit tasks one at a time (worker-addressed jobs), feeds every task's duration back to the policy as its result
/// arrives, and opens the next round when the last result of the round has arrived.
/// </summary>
/// <remarks>
/// Faults: a worker that is down is not offered, so its remaining tasks wait for it. If nothing of the round is
/// running and every remaining task belongs to workers that are not offered (down), one such task goes to the first
/// offered worker instead (as the cluster's synchronous mode does with a job whose worker is down); otherwise the
/// cluster would end the run with the round unfinished.
/// </remarks>
internal sealed class AllocationJobSource : IJobSource
{
    private readonly IAllocationPolicy _policy;
    private readonly int _tasks;
    private readonly int _rounds;
    private readonly int[] _allocation;
    private readonly int[] _remaining;
    private readonly double[] _runtime;
    private readonly double[] _worker;
    private readonly int[][] _allocations;
    private int _round;
    private int _outstanding;
    private long _created;
    private int _running;
    private double _roundStart;

    public AllocationJobSource(IAllocationPolicy policy, int tasks, int rounds)
    {
        _policy = policy;
        _tasks = tasks;
        _rounds = rounds;
        _allocation = new int[policy.Workers];
        _remaining = new int[policy.Workers];
        _runtime = new double[rounds];
        _worker = new double[rounds];
        _allocations = new int[rounds][];
    }

    public double[] Runtime => _runtime;

    public double[] Worker => _worker;

    public int[][] Allocations => _allocations;

    public int RoundsCompleted => _outstanding == 0 ? _round : _round - 1;

    public int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds)
    {
        coordinatorSeconds = 0.0;
        if (_outstanding == 0)
        {
            if (_round == _rounds)
            {
                return 0;
            }

            _policy.Allocate(_tasks, _allocation);
            int sum = 0;
            for (int i = 0; i < _allocation.Length; i++)
            {
                if (_allocation[i] < 0)
                {
                    throw new InvalidOperationException($"Policy allocated {_allocation[i]} tasks to worker {i} in round {_round + 1}.");
                }

                sum += _allocation[i];
            }

            if (sum != _tasks)
            {
                throw new InvalidOperationException($"Policy allocated {sum} tasks in round {_round + 1}; B = {_tasks}.");
            }

            _allocations[_round] = (int[])_allocation.Clone();
            _allocation.CopyTo(_remaining, 0);
            _outstanding = _tasks;
            _roundStart = now;
            _round++;
        }

        int count = 0;
        foreach (int w in idleWorkers)
        {
            if (_remaining[w] > 0)
            {
                _remaining[w]--;
                jobs[count++] = new ClusterJob(_created++, 1.0, w);
            }
        }

        if (count == 0 && _running == 0 && idleWorkers.Length > 0)
        {
            int stranded = Array.FindIndex(_remaining, r => r > 0);
            if (stranded >= 0)
            {
                _remaining[stranded]--;
                jobs[count++] = new ClusterJob(_created++, 1.0, idleWorkers[0]);
            }
        }

        _running += count;
        return count;
    }

    public double Complete(in ClusterJob job, in ClusterTaskOutcome outcome)
    {
        _running--;
        double seconds = outcome.FinishedAt - outcome.StartedAt;
        _policy.Observe(outcome.Worker, seconds);
        _worker[_round - 1] += seconds;
        if (--_outstanding == 0)
        {
            _runtime[_round - 1] = outcome.ArrivedAt - _roundStart;
        }

        return 0.0;
    }
}
