namespace Almab.Sim.Cluster;

/// <summary>How the coordinator hands out jobs (ALMAB-DC section 2, "Query Dispatcher").</summary>
public enum DispatchMode
{
    /// <summary>A worker gets its next job as soon as the coordinator has absorbed its result (no barrier).</summary>
    Asynchronous,

    /// <summary>Rounds: K jobs go out together and the coordinator waits for all K results (a barrier) before the next round.</summary>
    Synchronous,
}
