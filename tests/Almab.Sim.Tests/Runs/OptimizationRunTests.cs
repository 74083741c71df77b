using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;
using Almab.Sim.Runs;

namespace Almab.Sim.Tests.Runs;

public sealed class OptimizationRunTests
{
    private static readonly Seed Replicate = new Seed(2024).Derive("replicate").Derive(0);

    private static (OptimizationRunResult Result, RandomSearchOptimizer Optimizer) Run(
        OptimizationRunConfig config, NoisyQuadraticObjective? objective = null)
    {
        objective ??= new NoisyQuadraticObjective(slope: 1.0);
        var optimizer = new RandomSearchOptimizer(objective.Space, Replicate.Derive("method"));
        var result = OptimizationRun.Execute(config, optimizer, objective, Replicate.Derive("cluster"), Replicate.Derive("noise"));
        return (result, optimizer);
    }

    private static ClusterConfig Cluster(int k, DispatchMode mode = DispatchMode.Asynchronous) => new()
    {
        Workers = k,
        TaskTime = new GammaDuration(4.0, 0.25),
        Crash = new CrashModel(200.0, new DeterministicDuration(5.0)),
        Communication = new CommunicationModel { Latency = new ExponentialDuration(0.1), OverheadAlphaSeconds = 0.01 },
        Dispatch = mode,
    };

    [Theory]
    [InlineData(DispatchMode.Asynchronous)]
    [InlineData(DispatchMode.Synchronous)]
    public void Every_budgeted_evaluation_is_told_once_and_recorded_in_tell_order(DispatchMode mode)
    {
        const int budget = 61;
        var (result, optimizer) = Run(new OptimizationRunConfig { Cluster = Cluster(4, mode), Budget = budget });

        Assert.Equal(budget, result.Evaluations.Length);
        Assert.Equal(budget, result.Cluster.TasksCompleted);
        Assert.Equal(Enumerable.Range(0, budget), result.Evaluations.Select(e => e.Index));
        Assert.Equal(Enumerable.Range(0, budget), result.Evaluations.Select(e => e.TrialId).Order());
        Assert.Equal(optimizer.Told.Select(t => t.Trial.Id), result.Evaluations.Select(e => e.TrialId));
        for (int i = 0; i < budget; i++)
        {
            var e = result.Evaluations[i];
            var told = optimizer.Told[i];
            Assert.Equal(told.Trial.Configuration, e.Configuration);
            Assert.Equal(told.Observation.Value, e.Value);
            Assert.Equal((e.Configuration[0] - 0.3) * (e.Configuration[0] - 0.3), e.TrueValue!.Value, 15);
            Assert.Equal(10 * (1 + e.Configuration[0]), e.CostSeconds, 12);
            Assert.InRange(e.Worker, 0, 3);
            Assert.True(e.CreatedSeconds <= e.StartSeconds && e.StartSeconds <= e.EndSeconds && e.EndSeconds <= e.ToldSeconds);
            Assert.True(i == 0 || result.Evaluations[i - 1].ToldSeconds <= e.ToldSeconds);
            Assert.True(e.ComputeSeconds >= 0);
        }

        if (mode == DispatchMode.Synchronous)
        {
            // Batches of K, the last one holding the remainder.
            Assert.Equal(Enumerable.Repeat(4, 15).Append(1), optimizer.AskSizes);
        }
    }

    [Fact]
    public void Same_seeds_give_identical_runs_also_on_concurrent_threads()
    {
        var config = new OptimizationRunConfig
        {
            Cluster = Cluster(3),
            Budget = 40,
            Coordinator = new CoordinatorCostModel { AskSecondsPerTrial = 0.05, TellSecondsPerObservation = 0.001, TellExponent = 3 },
        };
        var reference = Run(config).Result;
        var parallel = new OptimizationRunResult[6];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i => parallel[i] = Run(config).Result);
        foreach (var r in parallel)
        {
            Assert.Equal(reference.Cluster, r.Cluster);
            // Everything but the measured real seconds.
            Assert.Equal(reference.Evaluations.Select(e => e with { ComputeSeconds = 0 }), r.Evaluations.Select(e => e with { ComputeSeconds = 0 }));
        }
    }

    [Fact]
    public void Evaluation_i_sees_the_same_noise_on_any_cluster()
    {
        // Random search ignores values, so trial i is the same configuration on 1 or 4 workers; its noise is keyed
        // by the evaluation index, so the observed value is identical too (common random numbers).
        var one = Run(new OptimizationRunConfig { Cluster = Cluster(1), Budget = 30 }).Result;
        var four = Run(new OptimizationRunConfig { Cluster = Cluster(4, DispatchMode.Synchronous), Budget = 30 }).Result;
        var byTrial = four.Evaluations.ToDictionary(e => e.TrialId);
        foreach (var e in one.Evaluations)
        {
            Assert.Equal(e.Configuration, byTrial[e.TrialId].Configuration);
            Assert.Equal(e.Value, byTrial[e.TrialId].Value);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Makespan_shrinks_by_K_with_equal_deterministic_evaluations(int k)
    {
        var cluster = new ClusterConfig { Workers = k };
        var objective = new NoisyQuadraticObjective(costSeconds: 10.0);
        var serial = Run(new OptimizationRunConfig { Cluster = cluster with { Workers = 1 }, Budget = 64 }, objective).Result;
        var parallel = Run(new OptimizationRunConfig { Cluster = cluster, Budget = 64 }, objective).Result;
        Assert.Equal(640.0, serial.Cluster.MakespanSeconds, 9);
        Assert.Equal(640.0 / k, parallel.Cluster.MakespanSeconds, 9);
    }

    [Fact]
    public void Makespan_with_random_costs_stays_within_the_list_scheduling_bound()
    {
        var result = Run(new OptimizationRunConfig { Cluster = new ClusterConfig { Workers = 4, TaskTime = new ExponentialDuration(1.0) }, Budget = 200 }).Result;
        double work = result.Evaluations.Sum(e => e.EndSeconds - e.StartSeconds);
        double longest = result.Evaluations.Max(e => e.EndSeconds - e.StartSeconds);
        Assert.InRange(result.Cluster.MakespanSeconds, work / 4 - 1e-9, work / 4 + longest + 1e-9);
    }

    [Fact]
    public void Modelled_coordinator_work_enters_virtual_time_exactly()
    {
        // One worker, deterministic clock: makespan = asks + tells + work, tell n costs 1 + 0.5 n.
        var config = new OptimizationRunConfig
        {
            Cluster = new ClusterConfig { Workers = 1 },
            Budget = 5,
            Coordinator = new CoordinatorCostModel { AskSecondsPerTrial = 0.25, TellBaseSeconds = 1.0, TellSecondsPerObservation = 0.5 },
        };
        var result = Run(config, new NoisyQuadraticObjective(costSeconds: 10.0)).Result;
        double expected = 5 * 0.25 + (5 * 1.0 + 0.5 * (1 + 2 + 3 + 4 + 5)) + 5 * 10.0;
        Assert.Equal(expected, result.Cluster.MakespanSeconds, 9);
        Assert.Equal(expected - 50.0, result.Cluster.CoordinatorBusySeconds, 9);
    }

    [Fact]
    public void Measured_mode_charges_the_recorded_real_seconds_times_the_scale()
    {
        var config = new OptimizationRunConfig { Cluster = new ClusterConfig { Workers = 2 }, Budget = 20, MeasuredTimeScale = 1000.0 };
        var result = Run(config).Result;
        // Measured seconds: a relative tolerance, not rounding to decimals (which fails when the two sums straddle a boundary).
        Assert.Equal(1000.0 * result.ComputeSeconds, result.Cluster.CoordinatorBusySeconds, 1e-9 * Math.Max(1, result.Cluster.CoordinatorBusySeconds));
        Assert.True(result.Cluster.CoordinatorBusySeconds > 0);
    }

    [Fact]
    public void A_nan_objective_is_a_clear_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(
            () => Run(new OptimizationRunConfig { Cluster = Cluster(2), Budget = 50 }, new NoisyQuadraticObjective(nanAbove: 0.5)));
        Assert.Contains("noisy-quadratic", ex.Message);
        Assert.Contains("finite", ex.Message);
    }

    [Fact]
    public void Bad_run_settings_are_rejected_by_name()
    {
        Assert.Equal("Budget", Assert.Throws<ArgumentOutOfRangeException>(() => new OptimizationRunConfig { Cluster = Cluster(1), Budget = 0 }).ParamName);
        Assert.Equal("MeasuredTimeScale", Assert.Throws<ArgumentOutOfRangeException>(
            () => new OptimizationRunConfig { Cluster = Cluster(1), Budget = 1, MeasuredTimeScale = double.NaN }).ParamName);
        Assert.Equal("TellExponent", Assert.Throws<ArgumentOutOfRangeException>(() => new CoordinatorCostModel { TellExponent = -1 }).ParamName);
    }
}
