namespace Almab.Sim.Cluster.Engine;

/// <summary>What a scheduled cluster event does.</summary>
internal enum ClusterEventKind : byte
{
    /// <summary>A job message reaches its worker, which starts an attempt.</summary>
    JobArrives,

    /// <summary>An attempt finishes successfully.</summary>
    AttemptFinishes,

    /// <summary>The worker crashes during an attempt.</summary>
    AttemptCrashes,

    /// <summary>A result message reaches the coordinator.</summary>
    ResultArrives,

    /// <summary>A crashed worker is repaired.</summary>
    WorkerRepaired,

    /// <summary>The coordinator ends its current decision and sends the jobs it created.</summary>
    DecisionEnds,
}
