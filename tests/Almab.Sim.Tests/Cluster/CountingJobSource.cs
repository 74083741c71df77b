using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Tests.Cluster;

/// <summary>
/// A test job source: creates <c>total</c> jobs of fixed work, charges fixed seconds per creation and per
/// completion (or exponential completion seconds from its own stream), and records every completion.
/// </summary>
internal sealed class CountingJobSource(int total, double workSeconds = 1.0) : IJobSource
{
    private int _created;

    public double CreateSeconds { get; init; }

    public double CompleteSeconds { get; init; }

    /// <summary>When set, completion seconds are Exp(CompleteSeconds) drawn from this stream.</summary>
    public Rng? ServiceRng { get; init; }

    public List<(ClusterJob Job, ClusterTaskOutcome Outcome)> Completed { get; } = new();

    public int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds)
    {
        int n = Math.Min(idleWorkers.Length, total - _created);
        for (int i = 0; i < n; i++)
        {
            jobs[i] = new ClusterJob(_created++, workSeconds);
        }

        coordinatorSeconds = n > 0 ? CreateSeconds : 0.0;
        return n;
    }

    public double Complete(in ClusterJob job, in ClusterTaskOutcome outcome)
    {
        Completed.Add((job, outcome));
        return ServiceRng is null ? CompleteSeconds : ServiceRng.NextExponential(CompleteSeconds);
    }
}
