namespace Almab.Experiments.Papers.AlmabDc.Cases;

/// <summary>
/// Simulated worker crashes of a case's cluster (issue 18; the papers' clusters do not crash, so no paper case sets it).
/// Each worker stays up for Exp(<see cref="MeanUpSeconds"/>) virtual seconds, then is down for
/// Exp(<see cref="RepairSeconds"/>); a task running at a crash is abandoned and run again by <see cref="Requeue"/>,
/// so every replicate still completes its budget, and the store records the crashed attempts per replicate.
/// </summary>
/// <param name="MeanUpSeconds">Mean virtual seconds a worker stays up (exponential), &gt; 0.</param>
/// <param name="RepairSeconds">Mean virtual seconds a crashed worker stays down (exponential), &gt; 0.</param>
/// <param name="Requeue">Where a crashed task runs again: the next free worker, or its own worker after repair.</param>
public sealed record CrashSpec(double MeanUpSeconds, double RepairSeconds = 1.0, CrashRequeue Requeue = CrashRequeue.NextFreeWorker);
