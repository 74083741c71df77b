namespace Almab.Sim.Cluster;

/// <summary>One unit of work handed to a worker by an <see cref="IJobSource"/>.</summary>
/// <param name="Id">The source's own identifier (e.g. the evaluation index), echoed back on completion.</param>
/// <param name="WorkSeconds">Nominal work: virtual seconds on a reference-speed worker before the clock draw (finite, &gt;= 0).</param>
public readonly record struct ClusterJob(long Id, double WorkSeconds);
