using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Allocation;

/// <summary>
/// The <see cref="IJobSource"/> of one GTA round (<see cref="GreedyClusterRun"/>): a unit task for every offered worker
/// until B results have arrived, then nothing; results that arrive later are abandoned work.
/// </summary>
internal sealed class GreedyJobSource : IJobSource
{
    private readonly int _tasks;
    private readonly int[] _completed;
    private long _created;
    private double _start = double.NaN;
    private double _end = double.NaN;

    public GreedyJobSource(int workers, int tasks)
    {
        _tasks = tasks;
        _completed = new int[workers];
    }

    public int Arrived { get; private set; }

    public bool Ended => Arrived >= _tasks;

    public double RuntimeSeconds => _end - _start;

    public double ComputingSeconds { get; private set; }

    public int[] Completed => _completed;

    public int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds)
    {
        coordinatorSeconds = 0.0;
        if (double.IsNaN(_start))
        {
            _start = now;
        }

        if (Ended)
        {
            return 0;
        }

        for (int j = 0; j < idleWorkers.Length; j++)
        {
            jobs[j] = new ClusterJob(_created++, 1.0);
        }

        return idleWorkers.Length;
    }

    public double Complete(in ClusterJob job, in ClusterTaskOutcome outcome)
    {
        if (!Ended)
        {
            _completed[outcome.Worker]++;
            ComputingSeconds += outcome.FinishedAt - outcome.StartedAt;
            if (++Arrived == _tasks)
            {
                _end = outcome.ArrivedAt;
            }
        }
        else
        {
            // Abandoned at the round's end: only the part computed before the end counts.
            ComputingSeconds += Math.Max(0.0, Math.Min(outcome.FinishedAt, _end) - outcome.StartedAt);
        }

        return 0.0;
    }
}
