using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;

namespace Almab.Sim.Tests.Cluster;

public sealed class ClusterFaultTests
{
    [Theory]
    [InlineData(DispatchMode.Asynchronous)]
    [InlineData(DispatchMode.Synchronous)]
    public void Crashed_tasks_are_redispatched_counted_and_never_lost(DispatchMode mode)
    {
        const int n = 3_000;
        var config = new ClusterConfig
        {
            Workers = 4,
            TaskTime = new ExponentialDuration(1.0),
            Crash = new CrashModel(5.0, new DeterministicDuration(2.0)),
            Communication = new CommunicationModel { Latency = new ExponentialDuration(0.05) },
            Dispatch = mode,
        };
        var source = new CountingJobSource(n);
        var report = ClusterSimulator.Run(config, new Seed(9), source);

        Assert.Equal(n, report.TasksCompleted);
        Assert.Equal(Enumerable.Range(0, n).Select(i => (long)i), source.Completed.Select(c => c.Job.Id).Order());
        Assert.True(report.AttemptsAbandoned > 100, $"only {report.AttemptsAbandoned} abandoned attempts");
        Assert.Equal(report.AttemptsAbandoned, report.TasksRedispatched);
        Assert.Equal(report.AttemptsAbandoned, source.Completed.Sum(c => c.Outcome.Attempts - 1));
        for (int w = 0; w < 4; w++)
        {
            Assert.True(report.WorkerDownSeconds[w] > 0);
            Assert.True(report.WorkerIdleSeconds[w] >= -1e-9);
            Assert.Equal(report.MakespanSeconds, report.WorkerBusySeconds[w] + report.WorkerDownSeconds[w] + report.WorkerIdleSeconds[w], 9);
        }
    }

    [Fact]
    public void Abandoned_attempts_per_task_match_the_competing_exponentials()
    {
        // Always-busy workers, Exp(1) tasks, Exp(5) up times: each attempt crashes with p = (1/5)/(1/5 + 1) = 1/6,
        // so abandoned attempts per task are geometric with mean p/(1-p) = 0.2 and variance p/(1-p)^2.
        const int n = 5_000;
        var config = new ClusterConfig
        {
            Workers = 4,
            TaskTime = new ExponentialDuration(1.0),
            Crash = new CrashModel(5.0, new DeterministicDuration(1.0)),
        };
        var report = ClusterSimulator.Run(config, new Seed(10), new CountingJobSource(n));
        const double p = 1.0 / 6;
        double se = Math.Sqrt(n * p / ((1 - p) * (1 - p)));
        Assert.InRange(report.AttemptsAbandoned, n * 0.2 - 5 * se, n * 0.2 + 5 * se);
    }

    [Fact]
    public void A_worker_crashing_while_its_job_travels_loses_only_that_attempt()
    {
        // Latency much longer than the up time: many jobs arrive at crashed workers.
        var config = new ClusterConfig
        {
            Workers = 2,
            Crash = new CrashModel(1.0, new DeterministicDuration(0.5)),
            Communication = new CommunicationModel { Latency = new DeterministicDuration(1.0) },
            RecordTrace = true,
        };
        var source = new CountingJobSource(200, 0.1);
        var report = ClusterSimulator.Run(config, new Seed(11), source);
        Assert.Equal(200, report.TasksCompleted);
        int startedAbandoned = report.Trace.Count(t => t.Kind == ClusterTraceKind.Abandoned);
        Assert.Equal(report.AttemptsAbandoned, startedAbandoned);
        Assert.Equal(report.Trace.Count(t => t.Kind == ClusterTraceKind.Dispatched), 200 + report.TasksRedispatched);
    }
}
