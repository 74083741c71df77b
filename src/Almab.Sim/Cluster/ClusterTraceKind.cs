namespace Almab.Sim.Cluster;

/// <summary>Kinds of <see cref="ClusterTraceEntry"/>.</summary>
public enum ClusterTraceKind
{
    /// <summary>The coordinator starts a decision (worker and job are -1).</summary>
    DecisionStarted,

    /// <summary>The coordinator ends a decision (worker and job are -1).</summary>
    DecisionEnded,

    /// <summary>A job is sent to a worker (new or re-dispatched).</summary>
    Dispatched,

    /// <summary>A worker starts an attempt of a job.</summary>
    Started,

    /// <summary>A worker finishes a job.</summary>
    Finished,

    /// <summary>A worker crashes while running a job; the attempt is abandoned and the job re-dispatched.</summary>
    Abandoned,

    /// <summary>A job's result reaches the coordinator.</summary>
    Arrived,
}
