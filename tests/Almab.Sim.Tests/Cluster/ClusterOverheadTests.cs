using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;

namespace Almab.Sim.Tests.Cluster;

/// <summary>Coordinator overhead α K^β, latency and source charges in deterministic configurations: exact times.</summary>
public sealed class ClusterOverheadTests
{
    [Theory]
    [InlineData(4, 0.5, 1.0, 0.1, 0.05, 10)]
    [InlineData(8, 0.2, 0.5, 0.0, 0.0, 7)]
    [InlineData(3, 0.0, 1.0, 0.25, 0.125, 5)]
    public void Synchronous_makespan_adds_overhead_latency_and_updates_exactly(int k, double alpha, double beta, double latency, double update, int rounds)
    {
        var config = new ClusterConfig
        {
            Workers = k,
            Dispatch = DispatchMode.Synchronous,
            Communication = new CommunicationModel { Latency = new DeterministicDuration(latency), OverheadAlphaSeconds = alpha, OverheadBeta = beta },
        };
        var report = ClusterSimulator.Run(config, new Seed(1), new CountingJobSource(k * rounds) { CompleteSeconds = update });

        double overhead = alpha * Math.Pow(k, beta);
        // rounds + 1 decisions (the last absorbs the final round and creates nothing), each round 1 s of work plus a
        // message each way, and K updates per round.
        Assert.Equal((rounds + 1) * overhead + rounds * (1 + 2 * latency) + rounds * k * update, report.MakespanSeconds, 9);
        Assert.Equal((rounds + 1) * overhead + rounds * k * update, report.CoordinatorBusySeconds, 9);
        Assert.Equal(rounds + 1, report.Decisions);
        foreach (double busy in report.WorkerBusySeconds)
        {
            Assert.Equal(rounds, busy, 9);
        }
    }

    [Fact]
    public void Asynchronous_decisions_queue_on_the_serial_coordinator()
    {
        // K = 2, alpha K^beta = 0.5, unit jobs. d0 [0, .5] sends jobs 0, 1; both finish at 1.5.
        // d1 (job 0) [1.5, 2] -> job 2 on w0, done 3; d2 (job 1) queued: [2, 2.5] -> job 3 on w1, done 3.5.
        // d3 (job 2) [3, 3.5] creates nothing; d4 (job 3) [3.5, 4] ends the run.
        var config = new ClusterConfig
        {
            Workers = 2,
            Communication = new CommunicationModel { OverheadAlphaSeconds = 0.25, OverheadBeta = 1.0 },
            RecordTrace = true,
        };
        var source = new CountingJobSource(4);
        var report = ClusterSimulator.Run(config, new Seed(1), source);

        Assert.Equal(4.0, report.MakespanSeconds, 12);
        Assert.Equal(5, report.Decisions);
        Assert.Equal(2.5, report.CoordinatorBusySeconds, 12);
        Assert.Equal(new[] { 0L, 1, 2, 3 }, source.Completed.Select(c => c.Job.Id));
        Assert.Equal(new[] { 2.0, 2.5 }, source.Completed.Skip(2).Select(c => c.Outcome.StartedAt));
        Assert.Equal(new[] { 0, 1, 0, 1 }, source.Completed.Select(c => c.Outcome.Worker));
        Assert.Equal(new[] { 2.0, 2.0 }, report.WorkerBusySeconds);
        Assert.Equal(new[] { 2.0, 2.0 }, report.WorkerIdleSeconds);
        var starts = report.Trace.Where(t => t.Kind == ClusterTraceKind.Started).Select(t => (t.Time, t.Worker, t.JobId));
        Assert.Equal(new[] { (0.5, 0, 0L), (0.5, 1, 1L), (2.0, 0, 2L), (2.5, 1, 3L) }, starts);
    }

    [Fact]
    public void Creation_seconds_are_charged_to_the_decision()
    {
        var config = new ClusterConfig { Workers = 1 };
        var report = ClusterSimulator.Run(config, new Seed(1), new CountingJobSource(3) { CreateSeconds = 0.5, CompleteSeconds = 0.25 });
        // Three decisions that create (0.5 each), three updates (0.25 each), three 1 s jobs in series.
        Assert.Equal(3 * 0.5 + 3 * 0.25 + 3.0, report.MakespanSeconds, 12);
        Assert.Equal(4, report.Decisions);
    }
}
