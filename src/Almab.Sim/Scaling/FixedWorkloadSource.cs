using Almab.Sim.Cluster;

namespace Almab.Sim.Scaling;

/// <summary>
/// A fixed workload for scaling studies: <c>tasks</c> independent jobs of <c>workSeconds</c> nominal work each, and
/// <c>decisionSeconds</c> of serial coordinator work per absorbed result (the surrogate update of ALMAB-DC's
/// section 2.4). The serial fraction the Amdahl analysis sees is then about <c>d / (d + w)</c> per task.
/// </summary>
public sealed class FixedWorkloadSource : IJobSource
{
    private readonly int _tasks;
    private readonly double _workSeconds;
    private readonly double _decisionSeconds;
    private int _created;

    /// <summary>Creates the workload; tasks &gt;= 1, work &gt; 0, decision seconds &gt;= 0.</summary>
    public FixedWorkloadSource(int tasks, double workSeconds, double decisionSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tasks, 1);
        if (!(workSeconds > 0) || double.IsInfinity(workSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(workSeconds), workSeconds, "work per task must be finite and > 0");
        }

        if (!(decisionSeconds >= 0) || double.IsInfinity(decisionSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(decisionSeconds), decisionSeconds, "decision seconds must be finite and >= 0");
        }

        _tasks = tasks;
        _workSeconds = workSeconds;
        _decisionSeconds = decisionSeconds;
    }

    /// <inheritdoc />
    public int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds)
    {
        coordinatorSeconds = 0;
        int n = Math.Min(idleWorkers.Length, _tasks - _created);
        for (int j = 0; j < n; j++)
        {
            jobs[j] = new ClusterJob(_created++, _workSeconds);
        }

        return n;
    }

    /// <inheritdoc />
    public double Complete(in ClusterJob job, in ClusterTaskOutcome outcome) => _decisionSeconds;
}
