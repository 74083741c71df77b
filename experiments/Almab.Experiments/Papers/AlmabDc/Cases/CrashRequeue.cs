namespace Almab.Experiments.Papers.AlmabDc.Cases;

/// <summary>A case file's crash requeue rule (<c>"next-free-worker"</c> or <c>"same-worker-after-repair"</c>).</summary>
public enum CrashRequeue
{
    /// <summary>The crashed task goes to the lowest-numbered idle worker that is up (Sim's default rule).</summary>
    NextFreeWorker,

    /// <summary>The crashed task waits for its own worker and restarts when it is repaired.</summary>
    SameWorkerAfterRepair,
}
