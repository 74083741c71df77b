using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Tests.Runs.Allocation;

/// <summary>The cluster's worker-addressed jobs (<see cref="ClusterJob.Worker"/>), which allocation runs rely on.</summary>
public sealed class WorkerAddressedJobsTests
{
    [Fact]
    public void Addressed_jobs_run_on_the_named_workers_only()
    {
        var source = new Scripted((idle, jobs) =>
        {
            jobs[0] = new ClusterJob(0, 1.0, 3);
            jobs[1] = new ClusterJob(1, 1.0, 1);
            return 2;
        });
        var report = ClusterSimulator.Run(new ClusterConfig { Workers = 4 }, new Seed(1), source);
        Assert.Equal(2, report.TasksCompleted);
        Assert.Equal([0.0, 1.0, 0.0, 1.0], report.WorkerBusySeconds.ToArray());
        Assert.Equal([1, 3], source.Completed.Order());
    }

    [Theory]
    [InlineData(7, 1)]
    [InlineData(2, 2)]
    [InlineData(-1, 2)]
    public void Bad_addresses_are_named(int first, int second)
    {
        var source = new Scripted((idle, jobs) =>
        {
            jobs[0] = new ClusterJob(0, 1.0, first);
            jobs[1] = new ClusterJob(1, 1.0, second);
            return 2;
        });
        var ex = Assert.Throws<InvalidOperationException>(() => ClusterSimulator.Run(new ClusterConfig { Workers = 4 }, new Seed(1), source));
        Assert.Contains("Worker", ex.Message, StringComparison.Ordinal);
    }

    private delegate int Script(ReadOnlySpan<int> idle, Span<ClusterJob> jobs);

    private sealed class Scripted(Script? first) : IJobSource
    {
        public List<int> Completed { get; } = [];

        public int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds)
        {
            coordinatorSeconds = 0;
            if (first is null)
            {
                return 0;
            }

            int n = first(idleWorkers, jobs);
            first = null;
            return n;
        }

        public double Complete(in ClusterJob job, in ClusterTaskOutcome outcome)
        {
            Completed.Add(outcome.Worker);
            return 0;
        }
    }
}
