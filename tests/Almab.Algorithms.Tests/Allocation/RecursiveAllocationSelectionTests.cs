using System.Globalization;
using System.Text.Json;
using Almab.Algorithms.Allocation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almab.Algorithms.Tests.Allocation;

public sealed class RecursiveAllocationSelectionTests
{
    public sealed record Instance(double[] Scores, int Tasks)
    {
        public override string ToString() =>
            $"B={Tasks} s=[{string.Join(", ", Scores.Select(s => s.ToString("R", CultureInfo.InvariantCulture)))}]";
    }

    public static class Instances
    {
        // Integer scores 1..6 make exact ties (where the cardinality rule matters) common; the other branch gives
        // generic positive reals.
        public static Arbitrary<Instance> Small() =>
            (from n in Gen.Choose(1, 5)
             from b in Gen.Choose(0, 8)
             from integral in Gen.Elements(true, false)
             from raw in Gen.ArrayOf(integral ? Gen.Choose(1, 6) : Gen.Choose(1, 1_000_000), n)
             select new Instance(raw.Select(r => integral ? r : r / 1e4).ToArray(), b)).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Instances) }, MaxTest = 600)]
    public bool Ras_attains_the_brute_force_optimum_with_minimal_argmax_cardinality(Instance instance)
    {
        var allocation = new int[instance.Scores.Length];
        new RecursiveAllocationSelection().Solve(instance.Scores, instance.Tasks, allocation);
        var (loss, card, _) = BruteForceAllocation.Optimum(instance.Scores, instance.Tasks);
        return allocation.Sum() == instance.Tasks
            && allocation.All(a => a >= 0)
            && ProxyLoss.Evaluate(allocation, instance.Scores) == loss
            && ProxyLoss.ArgmaxCardinality(allocation, instance.Scores) == card;
    }

    [Property(Arbitrary = new[] { typeof(Instances) }, MaxTest = 300)]
    public bool Ras_output_satisfies_lemma_c1(Instance instance)
    {
        // Lemma C.1: a_j s_j <= (a_i + 1) s_i for all i, j.
        var s = instance.Scores;
        var a = new int[s.Length];
        new RecursiveAllocationSelection().Solve(s, instance.Tasks, a);
        for (int i = 0; i < s.Length; i++)
        {
            for (int j = 0; j < s.Length; j++)
            {
                if (a[j] * s[j] > (a[i] + 1) * s[i])
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Fact]
    public void Fewer_tasks_than_workers_uses_the_fastest_workers()
    {
        Assert.Equal([0, 1, 0, 1, 1, 0], Solve([5.0, 1.5, 4.0, 2.0, 2.5, 9.0], 3));

        // B < n does not mean one task each: 2 * 1 = 2 beats the third-fastest worker's 3.
        Assert.Equal([0, 2, 0, 1, 0, 0], Solve([5.0, 1.0, 4.0, 2.0, 3.0, 9.0], 3));
    }

    [Fact]
    public void Equal_speeds_spread_evenly_with_remainder_to_lowest_indices()
    {
        var a = Solve([2.0, 2.0, 2.0, 2.0], 10);
        Assert.Equal([3, 3, 2, 2], a);

        // The two leftover tasks on equal workers: the loss is 3*2 whatever, and the minimal argmax set has 2.
        var s = new[] { 2.0, 2.0, 2.0, 2.0 };
        Assert.Equal(2, ProxyLoss.ArgmaxCardinality(a, s));
    }

    [Fact]
    public void One_worker_takes_every_task()
    {
        Assert.Equal([7], Solve([3.5], 7));
    }

    [Fact]
    public void Zero_budget_allocates_nothing()
    {
        Assert.Equal([0, 0, 0], Solve([1.0, 2.0, 3.0], 0));
    }

    [Fact]
    public void Zero_scores_receive_the_tasks_uniformly()
    {
        // Appendix B: with some s_i = 0 the tasks go uniformly to those arms (loss 0); remainder to lowest index.
        Assert.Equal([3, 0, 2, 0], Solve([0.0, 1.0, 0.0, 0.5], 5));
        Assert.Equal([1, 1, 0], Solve([0.0, 0.0, 0.0], 2));
    }

    [Fact]
    public void Many_more_tasks_than_workers_is_proportional_to_speed()
    {
        // s = (1, 2, 4), B = 70: continuous optimum L = 40 gives a = (40, 20, 10), exactly feasible.
        Assert.Equal([40, 20, 10], Solve([1.0, 2.0, 4.0], 70));
    }

    [Fact]
    public void Matches_a_literal_algorithm_8_on_the_papers_settings()
    {
        var doc = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(AppContext.BaseDirectory, "Fixtures", "Allocation", "allocation_reference.json"))).RootElement;
        foreach (var setting in doc.GetProperty("settings").EnumerateArray())
        {
            int n = setting.GetProperty("workers").GetInt32();
            var times = setting.GetProperty("kind").GetString() == "sqrt"
                ? ShiftedExponentialTaskTimes.SquareRoot(n)
                : ShiftedExponentialTaskTimes.Linear(n);
            var expected = setting.GetProperty("ofta_allocation").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var actual = Solve(times.Means(), setting.GetProperty("tasks").GetInt32());
            Assert.Equal(expected, actual);
            Assert.Equal(setting.GetProperty("ofta_proxy_loss").GetDouble(), ProxyLoss.Evaluate(actual, times.Means()), 9);
        }

        var s72 = doc.GetProperty("section72");
        var means = s72.GetProperty("means").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(
            s72.GetProperty("ofta_allocation").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            Solve(means, s72.GetProperty("tasks").GetInt32()));
    }

    [Fact]
    public void Large_instance_is_optimal_against_the_continuous_bound()
    {
        // Any a with sum B has max a_i s_i >= L where L solves sum_i floor(L / s_i) = B at the smallest such L;
        // RAS's loss must equal that threshold (it is the B-th smallest value of the multiset {k s_i}).
        var rng = new Almab.Algorithms.Randomness.Rng(11);
        var s = new double[2000];
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = 0.5 + 10.0 * rng.NextDouble();
        }

        const int tasks = 300;
        var values = new List<double>();
        for (int i = 0; i < s.Length; i++)
        {
            for (int k = 1; k <= tasks; k++)
            {
                if (k * s[i] > 20.0 * 10.5)
                {
                    break;
                }

                values.Add(k * s[i]);
            }
        }

        values.Sort();
        var a = Solve(s, tasks);
        Assert.Equal(tasks, a.Sum());
        Assert.Equal(values[tasks - 1], ProxyLoss.Evaluate(a, s));
    }

    [Fact]
    public void Invalid_inputs_are_rejected_with_the_bad_value()
    {
        var ras = new RecursiveAllocationSelection();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ras.Solve([1.0, -2.0], 3, new int[2]));
        Assert.Contains("s_1", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ras.Solve([1.0, double.NaN], 3, new int[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ras.Solve([1.0], -1, new int[1]));
        Assert.Throws<ArgumentException>(() => ras.Solve([1.0, 2.0], 3, new int[3]));
        Assert.Throws<ArgumentException>(() => ras.Solve([], 3, []));
    }

    private static int[] Solve(double[] scores, int tasks)
    {
        var a = new int[scores.Length];
        new RecursiveAllocationSelection().Solve(scores, tasks, a);
        return a;
    }
}
