namespace Almab.Sim.Cluster;

/// <summary>
/// What drives a cluster simulation: creates jobs when workers are idle and absorbs their results. The
/// cluster knows nothing of optimization; the Runs layer implements this with an optimizer's ask/tell.
/// Both calls happen inside a coordinator decision, which is serial: the cluster charges the coordinator seconds
/// returned here in virtual time, on top of the communication overhead α K^β per decision.
/// </summary>
public interface IJobSource
{
    /// <summary>
    /// Creates jobs for idle workers: job <c>jobs[j]</c> goes to worker <c>idleWorkers[j]</c> for j below the
    /// returned count (0..<c>idleWorkers.Length</c>). Returning fewer leaves the other workers idle; returning 0
    /// while nothing is running ends the run.
    /// </summary>
    /// <param name="idleWorkers">
    /// Workers (0-based, ascending) to fill. Asynchronous mode: those up, idle and with no result queued at the
    /// coordinator. Synchronous mode: all K (a job meant for a crashed worker waits for the first free one).
    /// </param>
    /// <param name="now">Virtual second the decision started.</param>
    /// <param name="jobs">Destination, at least as long as <paramref name="idleWorkers"/>.</param>
    /// <param name="coordinatorSeconds">Serial virtual seconds the creation costs the coordinator (&gt;= 0).</param>
    int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds);

    /// <summary>
    /// At most how many jobs the next <see cref="Create"/> would create (default: no limit). Asynchronous mode then
    /// offers only the first max(1, this) free workers, which changes nothing for a source that fills offered workers
    /// in order, and keeps a decision O(jobs) instead of O(K) when a large cluster drains at the end of a budget.
    /// </summary>
    int MaxNextJobs => int.MaxValue;

    /// <summary>
    /// Absorbs a finished job (results are given in arrival order; in synchronous mode at the barrier) and returns
    /// the serial virtual seconds the update costs the coordinator (&gt;= 0), e.g. a surrogate refit.
    /// </summary>
    double Complete(in ClusterJob job, in ClusterTaskOutcome outcome);
}
