using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;
using Almab.Sim.Cluster.Workers;

namespace Almab.Sim.Tests.Cluster;

/// <summary>The cluster against closed forms of queueing and order statistics (issue 2).</summary>
public sealed class ClusterClosedFormTests
{
    private static double Harmonic(int k, int power = 1)
    {
        double h = 0;
        for (int i = 1; i <= k; i++)
        {
            h += 1.0 / Math.Pow(i, power);
        }

        return h;
    }

    [Fact]
    public void Synchronous_round_time_is_the_expected_maximum_of_K_exponentials()
    {
        const int k = 8, rounds = 20_000;
        var config = new ClusterConfig { Workers = k, TaskTime = new ExponentialDuration(1.0), Dispatch = DispatchMode.Synchronous };
        var source = new CountingJobSource(k * rounds);
        var report = ClusterSimulator.Run(config, new Seed(1), source);

        Assert.Equal(rounds + 1, report.Decisions);
        Assert.Equal(k * rounds, report.TasksCompleted);
        // E max = H_K, Var max = sum 1/i^2 (Renyi); 5 standard errors.
        double perRound = report.MakespanSeconds / rounds;
        double se = Math.Sqrt(Harmonic(k, 2) / rounds);
        Assert.InRange(perRound, Harmonic(k) - 5 * se, Harmonic(k) + 5 * se);
        // Each worker computes 1 s per round on average, so utilization = 1 / H_K.
        Assert.InRange(report.Utilization, 1 / (Harmonic(k) + 5 * se) - 0.01, 1 / (Harmonic(k) - 5 * se) + 0.01);
    }

    [Fact]
    public void Asynchronous_dispatch_keeps_workers_busy_within_Grahams_list_scheduling_bound()
    {
        const int k = 8, n = 40_000;
        var config = new ClusterConfig { Workers = k, TaskTime = new ExponentialDuration(1.0) };
        var source = new CountingJobSource(n);
        var report = ClusterSimulator.Run(config, new Seed(2), source);

        double total = report.WorkerBusySeconds.Sum();
        double longest = source.Completed.Max(c => c.Outcome.FinishedAt - c.Outcome.StartedAt);
        Assert.Equal(n, report.TasksCompleted);
        Assert.InRange(total, n - 5 * Math.Sqrt(n), n + 5 * Math.Sqrt(n));
        // Greedy list scheduling: no worker idles before the last job starts, so T in [W/K, W/K + max job].
        Assert.InRange(report.MakespanSeconds, total / k - 1e-9, total / k + longest + 1e-9);
        Assert.True(report.Utilization > 0.99, $"utilization {report.Utilization}");
    }

    [Fact]
    public void Asynchronous_serial_coordinator_is_the_machine_repairman_queue()
    {
        // K workers compute Exp(a), then queue FIFO at the single coordinator whose update takes Exp(s):
        // the M/M/1//K (machine-repairman) model, server utilization 1 - P0 with
        // P0 = 1 / sum_{n=0..K} K!/(K-n)! (s/a)^n.
        const int k = 4, n = 20_000, replicates = 10;
        const double a = 1.0, s = 0.3;
        double sum = 1, term = 1;
        for (int i = 1; i <= k; i++)
        {
            term *= (k - i + 1) * s / a;
            sum += term;
        }

        double utilization = 1 - 1 / sum;
        var config = new ClusterConfig { Workers = k, TaskTime = new ExponentialDuration(a) };
        var u = new double[replicates];
        var throughput = new double[replicates];
        for (int r = 0; r < replicates; r++)
        {
            var seed = new Seed(3).Derive(r);
            var source = new CountingJobSource(n) { CompleteSeconds = s, ServiceRng = seed.Derive("service").CreateRng() };
            var report = ClusterSimulator.Run(config, seed, source);
            u[r] = report.CoordinatorBusySeconds / report.MakespanSeconds;
            throughput[r] = n / report.MakespanSeconds;
        }

        AssertMeanWithin(u, utilization);
        AssertMeanWithin(throughput, utilization / s);
    }

    [Fact]
    public void Slowdown_episodes_cut_the_long_run_work_rate_as_an_alternating_renewal_process()
    {
        // Gaps Exp(G), episodes of mean D at factor f: work rate (G + D/f) / (G + D).
        const double g = 4.0, d = 2.0, f = 3.0;
        const int n = 5_000, replicates = 10;
        var config = new ClusterConfig
        {
            Workers = 1,
            Slowdown = new SlowdownModel(g, new ExponentialDuration(d), f),
        };
        var rate = new double[replicates];
        for (int r = 0; r < replicates; r++)
        {
            var report = ClusterSimulator.Run(config, new Seed(4).Derive(r), new CountingJobSource(n, 0.5));
            rate[r] = 0.5 * n / report.MakespanSeconds;
        }

        AssertMeanWithin(rate, (g + d / f) / (g + d));
    }

    [Fact]
    public void Task_time_is_work_times_factor_times_draw_on_ata_section_7_1_workers()
    {
        const int k = 4, n = 20_000;
        var config = new ClusterConfig
        {
            Workers = k,
            TaskTime = new ShiftedExponentialDuration(29, 29),
            Heterogeneity = new LinearProfile(),
        };
        var source = new CountingJobSource(n, workSeconds: 2.0);
        ClusterSimulator.Run(config, new Seed(5), source);
        for (int w = 0; w < k; w++)
        {
            var times = source.Completed.Where(c => c.Outcome.Worker == w).Select(c => c.Outcome.FinishedAt - c.Outcome.StartedAt).ToArray();
            double c = w + 1;
            Assert.True(times.Min() >= 2 * 29 * c - 1e-9);
            double se = 2 * 29 * c / Math.Sqrt(times.Length);
            Assert.InRange(times.Average(), 2 * 58 * c - 5 * se, 2 * 58 * c + 5 * se);
        }
    }

    /// <summary>Mean of independent replicates within 5 standard errors of the closed form.</summary>
    private static void AssertMeanWithin(double[] xs, double expected)
    {
        double m = xs.Average();
        double se = Math.Sqrt(xs.Select(x => (x - m) * (x - m)).Sum() / (xs.Length - 1) / xs.Length);
        Assert.InRange(m, expected - 5 * se, expected + 5 * se);
        Assert.True(se < 0.02 * expected, $"standard error {se} too large to be a test");
    }
}
