namespace Almab.Sim.Cluster;

/// <summary>One line of the optional event trace of a cluster run (for determinism tests and debugging).</summary>
/// <param name="Time">Virtual second.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Worker">Worker (0-based), or -1 for coordinator events.</param>
/// <param name="JobId">The job's <see cref="ClusterJob.Id"/>, or -1.</param>
public readonly record struct ClusterTraceEntry(double Time, ClusterTraceKind Kind, int Worker, long JobId);
