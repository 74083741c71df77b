namespace Almab.Sim.Cluster;

/// <summary>One unit of work handed to a worker by an <see cref="IJobSource"/>.</summary>
/// <param name="Id">The source's own identifier (e.g. the evaluation index), echoed back on completion.</param>
/// <param name="WorkSeconds">Nominal work: virtual seconds on a reference-speed worker before the clock draw (finite, &gt;= 0).</param>
/// <param name="Worker">
/// -1 (default): the job goes to the offered worker at its position, as <see cref="IJobSource.Create"/> describes.
/// Otherwise the worker (0-based) it must go to, one of the offered workers; then every job of that decision names
/// a distinct worker (worker-addressed jobs, e.g. an allocation giving a_i tasks to worker i and none to others).
/// </param>
public readonly record struct ClusterJob(long Id, double WorkSeconds, int Worker = -1);
