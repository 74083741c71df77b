using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;
using Almab.Sim.Cluster.Workers;
using Almab.Sim.Runs.Allocation;

namespace Almab.Sim.Tests.Runs.Allocation;

public sealed class AllocationClusterRunTests
{
    private const int Workers = 17;
    private const int Tasks = 23;
    private const int Rounds = 300;

    /// <summary>The ATA paper's section 7 clocks on the cluster: unit work, c_i = sqrt(i), X = 29 + Exp(29).</summary>
    private static ClusterConfig Section7(CommunicationModel? communication = null) => new()
    {
        Workers = Workers,
        TaskTime = new ShiftedExponentialDuration(29.0, 29.0),
        Heterogeneity = new SquareRootProfile(),
        Communication = communication ?? CommunicationModel.None,
    };

    private static IAllocationPolicy Policy(string name, ShiftedExponentialTaskTimes times) => name switch
    {
        "OFTA" => new OftaPolicy(times.Means()),
        "ATA-E" => new AtaEmpiricalPolicy(Workers, 1.0),
        "ATA" => new AtaPolicy(Workers, 2 * times.Means().Max()),
        _ => new UtaPolicy(Workers, new Seed(9)),
    };

    [Theory]
    [InlineData("OFTA")]
    [InlineData("ATA-E")]
    [InlineData("ATA")]
    [InlineData("UTA")]
    public void Cluster_rounds_equal_the_round_simulator_for_the_same_seed(string method)
    {
        var seed = new Seed(42);
        var times = ShiftedExponentialTaskTimes.SquareRoot(Workers);
        var expectedRuntime = new List<double>();
        var expectedWorker = new List<double>();
        var expectedAllocations = new List<int[]>();
        new AllocationRoundSimulator(times, Tasks, seed).Run(Policy(method, times), Rounds, (_, a, c, w, _) =>
        {
            expectedRuntime.Add(c);
            expectedWorker.Add(w);
            expectedAllocations.Add(a.ToArray());
        });

        var run = AllocationClusterRun.Run(Section7(), Policy(method, times), Tasks, Rounds, seed);

        Assert.Equal(expectedAllocations, run.Allocations);
        for (int k = 0; k < Rounds; k++)
        {
            Assert.Equal(expectedRuntime[k], run.RuntimeSeconds[k], expectedRuntime[k] * 1e-9);
            Assert.Equal(expectedWorker[k], run.TotalWorkerSeconds[k], expectedWorker[k] * 1e-9);
        }

        Assert.Equal(expectedRuntime.Sum(), run.Cluster.MakespanSeconds, expectedRuntime.Sum() * 1e-9);
        Assert.Equal(Rounds * Tasks, run.Cluster.TasksCompleted);
    }

    [Fact]
    public void Message_latency_adds_two_trips_per_task_to_each_workers_chain()
    {
        // Deterministic latency l: a task is sent (l), runs x, its result returns (l), and the worker's next task is sent
        // from that decision, so worker i's chain lasts sum(x) + 2 l a_i and the round the longest chain.
        const double latency = 3.0;
        var seed = new Seed(7);
        var times = ShiftedExponentialTaskTimes.SquareRoot(Workers);
        var expected = new List<double>();
        new AllocationRoundSimulator(times, Tasks, seed).Run(new OftaPolicy(times.Means()), Rounds, (_, _, _, _, _) => { }, (_, a, x) =>
        {
            double longest = 0;
            int offset = 0;
            foreach (int ai in a)
            {
                double chain = 0;
                for (int u = 0; u < ai; u++)
                {
                    chain += x[offset + u] + (2 * latency);
                }

                offset += ai;
                longest = Math.Max(longest, chain);
            }

            expected.Add(longest);
            return true;
        });

        var run = AllocationClusterRun.Run(
            Section7(new CommunicationModel { Latency = new DeterministicDuration(latency) }), new OftaPolicy(times.Means()), Tasks, Rounds, seed);
        for (int k = 0; k < Rounds; k++)
        {
            Assert.Equal(expected[k], run.RuntimeSeconds[k], expected[k] * 1e-9);
        }
    }

    [Fact]
    public void Stragglers_only_lengthen_rounds_and_crashes_still_finish_every_round()
    {
        var seed = new Seed(11);
        var times = ShiftedExponentialTaskTimes.SquareRoot(Workers);
        var calm = AllocationClusterRun.Run(Section7(), new OftaPolicy(times.Means()), Tasks, 100, seed);

        // Slowdown episodes (factor 3) stretch tasks in time; the task draws (seed/worker/i/task) are unchanged, so with
        // the same fixed allocation every round lasts at least as long as without them, and some last longer.
        var slow = AllocationClusterRun.Run(
            Section7() with { Slowdown = new SlowdownModel(2_000.0, new DeterministicDuration(500.0), 3.0) },
            new OftaPolicy(times.Means()), Tasks, 100, seed);
        for (int k = 0; k < 100; k++)
        {
            Assert.True(slow.RuntimeSeconds[k] >= calm.RuntimeSeconds[k] * (1 - 1e-12));
        }

        Assert.True(slow.RuntimeSeconds.Sum() > calm.RuntimeSeconds.Sum());

        // Crashes abandon attempts and take workers down for a while; every round still completes its B tasks.
        var crashy = AllocationClusterRun.Run(
            Section7() with { Crash = new CrashModel(3_000.0, new DeterministicDuration(800.0)) },
            new AtaEmpiricalPolicy(Workers, 1.0), Tasks, 100, seed);
        Assert.Equal(100 * Tasks, crashy.Cluster.TasksCompleted);
        Assert.True(crashy.Cluster.AttemptsAbandoned > 0);
        Assert.All(crashy.RuntimeSeconds, r => Assert.True(r > 0));
    }

    [Fact]
    public void Synchronous_clusters_and_mismatched_policies_are_rejected()
    {
        var times = ShiftedExponentialTaskTimes.SquareRoot(Workers);
        var sync = Section7() with { Dispatch = DispatchMode.Synchronous };
        var ex = Assert.Throws<ArgumentException>(() => AllocationClusterRun.Run(sync, new OftaPolicy(times.Means()), Tasks, 1, new Seed(1)));
        Assert.Contains("Dispatch", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AllocationClusterRun.Run(Section7(), new AtaPolicy(3, 1.0), Tasks, 1, new Seed(1)));
    }
}
