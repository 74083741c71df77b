using System.Collections.Immutable;

namespace Almab.Sim.Cluster;

/// <summary>
/// What a cluster run did, all times in virtual seconds. Per-worker arrays are indexed by worker (0-based); for
/// each worker busy + down + idle = makespan. Equality is exact (bitwise on doubles, element-wise on arrays), so
/// two runs with the same seed compare equal.
/// </summary>
public sealed record ClusterReport
{
    /// <summary>When the coordinator finished its last decision with nothing left running.</summary>
    public required double MakespanSeconds { get; init; }

    /// <summary>Seconds each worker spent running attempts (abandoned ones included, up to the crash).</summary>
    public required ImmutableArray<double> WorkerBusySeconds { get; init; }

    /// <summary>Seconds each worker spent crashed within [0, makespan].</summary>
    public required ImmutableArray<double> WorkerDownSeconds { get; init; }

    /// <summary>Seconds each worker was up with nothing to run (waiting for jobs, messages or the barrier).</summary>
    public required ImmutableArray<double> WorkerIdleSeconds { get; init; }

    /// <summary>Jobs whose results reached the coordinator.</summary>
    public required int TasksCompleted { get; init; }

    /// <summary>Attempts cut short by a crash.</summary>
    public required int AttemptsAbandoned { get; init; }

    /// <summary>Times a job was sent again after a crash (equals <see cref="AttemptsAbandoned"/>: no job is lost).</summary>
    public required int TasksRedispatched { get; init; }

    /// <summary>Seconds the (serial) coordinator spent in decisions: overhead α K^β plus source work.</summary>
    public required double CoordinatorBusySeconds { get; init; }

    /// <summary>Coordinator decisions (asynchronous: one per absorbed result or repair; synchronous: one per round).</summary>
    public required int Decisions { get; init; }

    /// <summary>Events the engine processed (job and result messages, attempts, crashes, repairs, decision ends).</summary>
    public long EventsProcessed { get; init; }

    /// <summary>The event trace when <see cref="ClusterConfig.RecordTrace"/> was set, else empty.</summary>
    public ImmutableArray<ClusterTraceEntry> Trace { get; init; } = ImmutableArray<ClusterTraceEntry>.Empty;

    /// <summary>Mean share of worker time spent computing: Σ busy / (K · makespan), 0 for an empty run.</summary>
    public double Utilization
    {
        get
        {
            double busy = 0.0;
            foreach (double b in WorkerBusySeconds)
            {
                busy += b;
            }

            return MakespanSeconds > 0.0 ? busy / (WorkerBusySeconds.Length * MakespanSeconds) : 0.0;
        }
    }

    /// <inheritdoc />
    public bool Equals(ClusterReport? other) =>
        other is not null
        && MakespanSeconds.Equals(other.MakespanSeconds)
        && WorkerBusySeconds.AsSpan().SequenceEqual(other.WorkerBusySeconds.AsSpan())
        && WorkerDownSeconds.AsSpan().SequenceEqual(other.WorkerDownSeconds.AsSpan())
        && WorkerIdleSeconds.AsSpan().SequenceEqual(other.WorkerIdleSeconds.AsSpan())
        && TasksCompleted == other.TasksCompleted
        && AttemptsAbandoned == other.AttemptsAbandoned
        && TasksRedispatched == other.TasksRedispatched
        && CoordinatorBusySeconds.Equals(other.CoordinatorBusySeconds)
        && Decisions == other.Decisions
        && EventsProcessed == other.EventsProcessed
        && Trace.AsSpan().SequenceEqual(other.Trace.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MakespanSeconds, TasksCompleted, Decisions, CoordinatorBusySeconds);
}
