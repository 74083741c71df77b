using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;
using Almab.Sim.Runs;

namespace Almab.Sim.Tests.Runs;

/// <summary>
/// Simulated worker crashes lose no evaluation (issue 18): with a 20 % chance that a crash cuts an attempt short, every
/// replicate completes exactly its budget, each evaluation once, and the result records every crash.
/// Unit tasks of exactly 1 s and exponential up-times of mean m give P(crash during an attempt) = 1 − exp(−1/m);
/// m = −1 / ln 0.8 makes it 0.2 for every attempt (memoryless up-times), so crashes / attempts is a binomial proportion.
/// </summary>
public sealed class CrashRequeueTests
{
    private const int Replicates = 30;
    private const int Budget = 120;
    private static readonly double MeanUpSeconds = -1.0 / Math.Log(0.8);

    [Theory]
    [InlineData(CrashRequeueRule.NextFreeWorker, DispatchMode.Asynchronous)]
    [InlineData(CrashRequeueRule.NextFreeWorker, DispatchMode.Synchronous)]
    [InlineData(CrashRequeueRule.SameWorkerAfterRepair, DispatchMode.Asynchronous)]
    [InlineData(CrashRequeueRule.SameWorkerAfterRepair, DispatchMode.Synchronous)]
    public void Twenty_percent_crash_rate_completes_the_budget_in_every_replicate(CrashRequeueRule rule, DispatchMode mode)
    {
        long attempts = 0, crashes = 0;
        for (int r = 0; r < Replicates; r++)
        {
            var replicate = new Seed(18).Derive("crash-requeue").Derive(r);
            var config = new OptimizationRunConfig
            {
                Budget = Budget,
                Cluster = new ClusterConfig
                {
                    Workers = 6,
                    Crash = new CrashModel(MeanUpSeconds, new ExponentialDuration(2.0)),
                    CrashRequeue = rule,
                    Dispatch = mode,
                },
            };
            var objective = new NoisyQuadraticObjective(costSeconds: 1.0);
            var optimizer = new RandomSearchOptimizer(objective.Space, replicate.Derive("method"));
            var result = OptimizationRun.Execute(config, optimizer, objective, replicate.Derive("cluster"), replicate.Derive("noise"));

            Assert.Equal(Budget, result.Evaluations.Length);
            Assert.Equal(Budget, result.Cluster.TasksCompleted);
            Assert.Equal(Enumerable.Range(0, Budget), result.Evaluations.Select(e => e.TrialId).Order());
            Assert.Equal(result.CrashedAttempts, result.Evaluations.Sum(e => e.Attempts - 1));
            Assert.Equal(result.Cluster.AttemptsAbandoned, result.Cluster.TasksRedispatched);
            Assert.Equal(result.Evaluations.Count(e => e.Attempts > 1), result.CrashedEvaluations);
            attempts += result.Evaluations.Sum(e => e.Attempts);
            crashes += result.CrashedAttempts;
        }

        // The crash share is binomial(attempts, 0.2): within 4 standard errors (two-sided p ≈ 6e-5).
        double share = (double)crashes / attempts;
        double se = Math.Sqrt(0.2 * 0.8 / attempts);
        Assert.InRange(share, 0.2 - 4 * se, 0.2 + 4 * se);
    }

    [Fact]
    public void Same_worker_rule_reruns_a_crashed_task_on_its_own_worker()
    {
        var replicate = new Seed(18).Derive("crash-same-worker");
        var config = new OptimizationRunConfig
        {
            Budget = 200,
            Cluster = new ClusterConfig
            {
                Workers = 4,
                Crash = new CrashModel(MeanUpSeconds, new ExponentialDuration(2.0)),
                CrashRequeue = CrashRequeueRule.SameWorkerAfterRepair,
                RecordTrace = true,
            },
        };
        var objective = new NoisyQuadraticObjective(costSeconds: 1.0);
        var result = OptimizationRun.Execute(config, new RandomSearchOptimizer(objective.Space, replicate.Derive("method")), objective,
            replicate.Derive("cluster"), replicate.Derive("noise"));

        Assert.True(result.CrashedAttempts > 10);
        foreach (var job in result.Cluster.Trace.Where(t => t.Kind == ClusterTraceKind.Dispatched).GroupBy(t => t.JobId))
        {
            Assert.Single(job.Select(t => t.Worker).Distinct()); // Every attempt of a job ran on the same worker.
        }
    }

    [Fact]
    public void An_unknown_rule_is_refused_with_a_named_message()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterConfig { Workers = 1, CrashRequeue = (CrashRequeueRule)7 });
        Assert.Contains("Cluster.CrashRequeue", ex.Message);
    }
}
