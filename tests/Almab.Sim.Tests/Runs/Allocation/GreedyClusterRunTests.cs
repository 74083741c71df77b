using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Workers;
using Almab.Sim.Runs.Allocation;

namespace Almab.Sim.Tests.Runs.Allocation;

public sealed class GreedyClusterRunTests
{
    /// <summary>
    /// The GTA round of deterministic times c_i by brute force: the earliest instant t = m c_i at which
    /// sum_i floor(t / c_i) >= B (every worker computes back to back from 0).
    /// </summary>
    private static double DeterministicGreedyRuntime(double[] c, int tasks)
    {
        double best = double.PositiveInfinity;
        foreach (double ci in c)
        {
            for (int m = 1; m <= tasks; m++)
            {
                double t = m * ci;
                long done = c.Sum(cj => (long)Math.Floor((t / cj) + 1e-9));
                if (done >= tasks)
                {
                    best = Math.Min(best, t);
                    break;
                }
            }
        }

        return best;
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 7)]
    [InlineData(3, 1)]
    [InlineData(3, 11)]
    [InlineData(3, 23)]
    public void Deterministic_rounds_equal_the_greedy_round_function_and_the_brute_force_instant(int workers, int tasks)
    {
        // sqrt(1), sqrt(2), sqrt(3): no two workers ever finish at the same instant, so the de-facto allocation is unique.
        var cluster = new ClusterConfig { Workers = workers, Heterogeneity = new SquareRootProfile() };
        double[] c = new SquareRootProfile().TimeFactors(workers, new Seed(1));
        var matrix = new double[workers * tasks];
        for (int i = 0; i < workers; i++)
        {
            matrix.AsSpan(i * tasks, tasks).Fill(c[i]);
        }

        var expectedCompleted = new int[workers];
        var expected = GreedyTaskAllocation.SimulateRound(matrix, workers, tasks, expectedCompleted);

        var run = GreedyClusterRun.Run(cluster, tasks, 4, new Seed(3));

        double bruteForce = DeterministicGreedyRuntime(c, tasks);
        Assert.Equal(bruteForce, expected.RuntimeSeconds, 1e-9);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(bruteForce, run.RuntimeSeconds[k], 1e-9);
            Assert.Equal(workers * bruteForce, run.TotalWorkerSeconds[k], 1e-9);
            Assert.Equal(expected.TotalWorkerSeconds, run.TotalWorkerSeconds[k], 1e-9);
            Assert.Equal(expectedCompleted, run.Completed[k]);
        }
    }

    [Theory]
    [InlineData(4, 10, 0.25)]
    [InlineData(3, 9, 1.0)]
    public void Latency_adds_two_trips_per_task_and_worker_time_counts_only_computing(int workers, int tasks, double latency)
    {
        // Homogeneous unit times: every worker delivers a result each 1 + 2l seconds, so the round ends at
        // ceil(B/K) (1 + 2l), and within it each worker computed ceil(B/K) whole tasks (the extra ones of the last
        // wave were finished, not cut off): total worker time K ceil(B/K), less than K times the runtime.
        var cluster = new ClusterConfig { Workers = workers, Communication = new CommunicationModel { Latency = new DeterministicDuration(latency) } };
        var run = GreedyClusterRun.Run(cluster, tasks, 3, new Seed(5));
        int waves = (tasks + workers - 1) / workers;
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(waves * (1 + (2 * latency)), run.RuntimeSeconds[k], 1e-9);
            Assert.Equal(workers * waves, run.TotalWorkerSeconds[k], 1e-9);
            Assert.Equal(tasks, run.Completed[k].Sum());
        }
    }

    [Fact]
    public void Random_speeds_are_drawn_once_and_kept_for_every_round()
    {
        // Deterministic task times on log-normal machines: if the per-round runs redrew the machines, rounds would differ.
        var seed = new Seed(17);
        var cluster = new ClusterConfig { Workers = 5, Heterogeneity = new LogNormalSpeedProfile(0.5) };
        double[] c = cluster.Heterogeneity.TimeFactors(5, seed);
        var run = GreedyClusterRun.Run(cluster, 13, 6, seed);
        double expected = DeterministicGreedyRuntime(c, 13);
        Assert.All(run.RuntimeSeconds, r => Assert.Equal(expected, r, 1e-9));
    }

    [Fact]
    public void Stochastic_rounds_match_the_round_level_simulator_in_distribution()
    {
        // Section 7 clocks (n = 17, B = 23): the cluster's GTA draws other numbers than AllocationRoundSimulator (each
        // round is its own run with its own streams), so compare means: Welch z below 4 for runtime and worker time.
        const int workers = 17, tasks = 23, rounds = 1500;
        var times = ShiftedExponentialTaskTimes.SquareRoot(workers);
        var reference = new AllocationRoundSimulator(times, tasks, new Seed(8)).RunGreedy(rounds);
        var cluster = new ClusterConfig { Workers = workers, TaskTime = new ShiftedExponentialDuration(29.0, 29.0), Heterogeneity = new SquareRootProfile() };
        var run = GreedyClusterRun.Run(cluster, tasks, rounds, new Seed(9));
        Assert.True(WelchZ(reference.RuntimeSeconds, run.RuntimeSeconds) < 4.0);
        Assert.True(WelchZ(reference.TotalWorkerSeconds, run.TotalWorkerSeconds) < 4.0);
        for (int k = 0; k < rounds; k++)
        {
            Assert.Equal(workers * run.RuntimeSeconds[k], run.TotalWorkerSeconds[k], 1e-9 * run.TotalWorkerSeconds[k]);
        }
    }

    [Fact]
    public void Synchronous_clusters_and_empty_budgets_are_rejected()
    {
        var sync = new ClusterConfig { Workers = 2, Dispatch = DispatchMode.Synchronous };
        var ex = Assert.Throws<ArgumentException>(() => GreedyClusterRun.Run(sync, 3, 1, new Seed(1)));
        Assert.Contains("Dispatch", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => GreedyClusterRun.Run(new ClusterConfig { Workers = 2 }, 0, 1, new Seed(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => GreedyClusterRun.Run(new ClusterConfig { Workers = 2 }, 3, 0, new Seed(1)));
    }

    private static double WelchZ(double[] a, double[] b)
    {
        static (double Mean, double Var) Moments(double[] x)
        {
            double m = x.Average();
            return (m, x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
        }

        var (ma, va) = Moments(a);
        var (mb, vb) = Moments(b);
        return Math.Abs(ma - mb) / Math.Sqrt((va / a.Length) + (vb / b.Length));
    }
}
