namespace Almab.Sim.Cluster;

/// <summary>What happened to a job, reported to <see cref="IJobSource.Complete"/> when its result reaches the coordinator.</summary>
/// <param name="Worker">Worker (0-based) that completed the job (after any re-dispatch).</param>
/// <param name="CreatedAt">Virtual second the coordinator's decision that created it ended (dispatch time).</param>
/// <param name="StartedAt">Virtual second the successful attempt started on <paramref name="Worker"/>.</param>
/// <param name="FinishedAt">Virtual second the successful attempt finished.</param>
/// <param name="ArrivedAt">Virtual second the result reached the coordinator (after the return-message latency).</param>
/// <param name="Attempts">Attempts it took (1 + the number of crashes that abandoned it).</param>
public readonly record struct ClusterTaskOutcome(
    int Worker, double CreatedAt, double StartedAt, double FinishedAt, double ArrivedAt, int Attempts);
