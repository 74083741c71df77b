namespace Almab.Sim.Cluster.Faults;

/// <summary>
/// Where a task goes when its worker crashes under it (or was down when the task reached it). Either way the task is
/// never lost: it is run again from scratch, its <see cref="ClusterTaskOutcome.Attempts"/> grows by one and the crash
/// counts in <see cref="ClusterReport.AttemptsAbandoned"/>; its result is reported once, so a run completes exactly its
/// budget of evaluations whatever the crash rate.
/// </summary>
public enum CrashRequeueRule
{
    /// <summary>
    /// Default: the task joins a FIFO queue of waiting tasks and goes, without a coordinator decision, to the
    /// lowest-numbered worker that is idle and up, at once if there is one.
    /// </summary>
    NextFreeWorker,

    /// <summary>
    /// The task waits for its own worker and restarts there the moment the worker is repaired (for worker-addressed
    /// jobs, or workers holding local data). The worker gets no other job meanwhile.
    /// </summary>
    SameWorkerAfterRepair,
}
