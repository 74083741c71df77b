using System.Text.Json;
using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Allocation;

/// <summary>
/// The round simulator against independent references (Fixtures/Allocation/generate_allocation_reference.py):
/// E[C(a-bar)] by scipy numerical integration of the max of shifted-Gamma busy times, and GTA's mean runtime by a
/// numpy Monte Carlo; both on the section 7 / 7.1 time models with B = 23.
/// </summary>
public sealed class AllocationRoundSimulatorTests
{
    private const int Rounds = 20_000;

    public static TheoryData<int> Settings() => [0, 1, 2];

    [Theory]
    [MemberData(nameof(Settings))]
    public void Ofta_runtime_and_worker_time_match_the_exact_expectations(int index)
    {
        var (setting, times) = Load(index);
        var sim = new AllocationRoundSimulator(times, 23, new Seed(100 + (ulong)index));
        var run = sim.Run(new OftaPolicy(times.Means()), Rounds);

        Assert.All(run.ProxyRegret, r => Assert.Equal(0.0, r));
        Assert.Equal(setting.GetProperty("ofta_allocation").EnumerateArray().Select(e => e.GetInt32()), run.LastAllocation);
        AssertMeanNear(run.RuntimeSeconds, setting.GetProperty("ofta_expected_runtime").GetDouble(), 0.0);
        AssertMeanNear(run.TotalWorkerSeconds, setting.GetProperty("ofta_expected_total_worker_time").GetDouble(), 0.0);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Gta_runtime_matches_an_independent_monte_carlo(int index)
    {
        var (setting, times) = Load(index);
        var sim = new AllocationRoundSimulator(times, 23, new Seed(200 + (ulong)index));
        var run = sim.RunGreedy(Rounds);

        AssertMeanNear(run.RuntimeSeconds, setting.GetProperty("gta_runtime_mean").GetDouble(), setting.GetProperty("gta_runtime_se").GetDouble());
        for (int k = 0; k < Rounds; k++)
        {
            Assert.Equal(times.Workers * run.RuntimeSeconds[k], run.TotalWorkerSeconds[k], 6);
        }
    }

    [Fact]
    public void Greedy_task_times_are_the_completed_tasks_and_end_by_the_round_end()
    {
        // GTA's reported tasks: per worker its completed tasks in order; each worker's chain ends no later than the round,
        // exactly one chain ends at the round end (the B-th completion), and the counts sum to B.
        var times = ShiftedExponentialTaskTimes.SquareRoot(30);
        var sim = new AllocationRoundSimulator(times, 23, new Seed(3));
        var runtimes = new List<double>();
        var chains = new List<double[]>();
        sim.RunGreedy(200, (_, _, c, w, r) =>
        {
            runtimes.Add(c);
            Assert.Equal(30 * c, w, 9);
            Assert.True(double.IsNaN(r));
        }, (_, a, x) =>
        {
            Assert.Equal(23, a.ToArray().Sum());
            var chain = new double[30];
            int offset = 0;
            for (int i = 0; i < 30; i++)
            {
                for (int u = 0; u < a[i]; u++)
                {
                    Assert.True(x[offset + u] >= times.Shift(i));
                    chain[i] += x[offset + u];
                }

                offset += a[i];
            }

            chains.Add(chain);
            return true;
        });

        for (int k = 0; k < 200; k++)
        {
            Assert.All(chains[k], t => Assert.True(t <= runtimes[k] * (1 + 1e-12)));
            Assert.Equal(1, chains[k].Count(t => Math.Abs(t - runtimes[k]) <= runtimes[k] * 1e-12));
        }
    }

    [Fact]
    public void A_tasks_callback_returning_false_ends_the_run_after_that_round()
    {
        var sim = new AllocationRoundSimulator(ShiftedExponentialTaskTimes.Exponential(4), 3, new Seed(1));
        int rounds = 0;
        sim.Run(new UtaPolicy(4, new Seed(2)), 100, (_, _, _, _, _) => rounds++, (k, _, _) => k < 7);
        Assert.Equal(7, rounds);
    }

    [Fact]
    public void Runs_are_deterministic_per_seed_and_round_quantities_are_consistent()
    {
        var times = ShiftedExponentialTaskTimes.Exponential(6);
        var a = new AllocationRoundSimulator(times, 4, new Seed(5)).Run(new AtaEmpiricalPolicy(6, 1.0), 300);
        var b = new AllocationRoundSimulator(times, 4, new Seed(5)).Run(new AtaEmpiricalPolicy(6, 1.0), 300);
        Assert.Equal(a.RuntimeSeconds, b.RuntimeSeconds);
        Assert.Equal(a.TotalWorkerSeconds, b.TotalWorkerSeconds);
        for (int k = 0; k < 300; k++)
        {
            Assert.True(a.RuntimeSeconds[k] <= a.TotalWorkerSeconds[k] + 1e-12);
            Assert.True(a.ProxyRegret[k] >= 0.0);
        }
    }

    [Fact]
    public void A_policy_that_breaks_the_budget_is_reported()
    {
        var sim = new AllocationRoundSimulator(ShiftedExponentialTaskTimes.Exponential(3), 2, new Seed(1));
        var ex = Assert.Throws<InvalidOperationException>(() => sim.Run(new OverAllocating(), 1));
        Assert.Contains("3 tasks", ex.Message);
    }

    private static void AssertMeanNear(double[] values, double reference, double referenceSe)
    {
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        double se = Math.Sqrt(sd * sd / values.Length + referenceSe * referenceSe);
        Assert.InRange(mean, reference - 5 * se, reference + 5 * se);
    }

    private static (JsonElement Setting, ShiftedExponentialTaskTimes Times) Load(int index)
    {
        var doc = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(AppContext.BaseDirectory, "Fixtures", "Allocation", "allocation_reference.json"))).RootElement;
        var setting = doc.GetProperty("settings")[index];
        int n = setting.GetProperty("workers").GetInt32();
        var times = setting.GetProperty("kind").GetString() == "sqrt"
            ? ShiftedExponentialTaskTimes.SquareRoot(n)
            : ShiftedExponentialTaskTimes.Linear(n);
        return (setting.Clone(), times);
    }

    private sealed class OverAllocating : IAllocationPolicy
    {
        public int Workers => 3;

        public void Allocate(int tasks, Span<int> allocation) => allocation.Fill(1);

        public void Observe(int worker, double seconds)
        {
        }

        public void Reset()
        {
        }
    }
}
