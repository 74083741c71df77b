using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almab.Algorithms.Tests.Allocation;

/// <summary>
/// The fast paths of the lower-confidence policies against their plain definitions: RAS restricted to the workers below a
/// threshold against RAS over all workers, each round's allocation against RAS on the public lower bounds, and the
/// batched Observe against one call per task.
/// </summary>
public sealed class LowerConfidenceFastPathTests
{
    public sealed record Restricted(double[] Scores, int Tasks, double Threshold);

    public static class Instances
    {
        // Integer scores make exact ties common; thresholds fall below, at and above the B-th value.
        public static Arbitrary<Restricted> Scored() =>
            (from n in Gen.Choose(1, 40)
             from b in Gen.Choose(1, 30)
             from raw in Gen.ArrayOf(Gen.Choose(1, 12), n)
             from t in Gen.Choose(0, 40)
             select new Restricted(raw.Select(r => (double)r).ToArray(), b, t)).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Instances) }, MaxTest = 800)]
    public bool Restricted_ras_equals_full_ras_or_reports_a_miss(Restricted instance)
    {
        var full = new int[instance.Scores.Length];
        var ras = new RecursiveAllocationSelection();
        ras.SolvePositive(instance.Scores, instance.Tasks, full, out double last);
        int[] candidates = [.. Enumerable.Range(0, instance.Scores.Length).Where(i => instance.Scores[i] <= instance.Threshold).Reverse()];
        var restricted = new int[instance.Scores.Length];
        bool ok = ras.TrySolvePositive(instance.Scores, candidates, instance.Tasks, instance.Threshold, restricted, out double restrictedLast);

        // A hit must be the full allocation; a threshold at or above the full B-th value must hit.
        return (ok ? restricted.SequenceEqual(full) && restrictedLast == last : restricted.All(a => a == 0))
            && (last > instance.Threshold || ok);
    }

    [Theory]
    [InlineData("ATA", 40, 10)]
    [InlineData("ATA-E", 40, 10)]
    [InlineData("ATA-E", 9, 23)]
    public void Every_round_is_ras_on_the_lower_bounds_once_they_are_positive(string method, int n, int tasks)
    {
        var times = ShiftedExponentialTaskTimes.SquareRoot(n);
        LowerConfidenceAllocationPolicy policy = method == "ATA"
            ? new AtaPolicy(n, 0.05 * times.Mean(0))
            : new AtaEmpiricalPolicy(n, 0.0);
        var rngs = Enumerable.Range(0, n).Select(i => new Seed(7).Derive(i).CreateRng()).ToArray();
        var allocation = new int[n];
        var expected = new int[n];
        var bounds = new double[n];
        var ras = new RecursiveAllocationSelection();
        int checkedRounds = 0;
        for (int round = 1; round <= 40_000; round++)
        {
            for (int i = 0; i < n; i++)
            {
                bounds[i] = policy.LowerBound(i, round);
            }

            policy.Allocate(tasks, allocation);
            if (bounds.All(s => s > 0.0))
            {
                ras.Solve(bounds, tasks, expected);
                Assert.Equal(expected, allocation);
                checkedRounds++;
            }

            for (int i = 0; i < n; i++)
            {
                for (int u = 0; u < allocation[i]; u++)
                {
                    policy.Observe(i, times.Sample(i, rngs[i]));
                }
            }
        }

        Assert.True(checkedRounds > 10_000, $"only {checkedRounds} rounds left the uniform phase");
    }

    [Fact]
    public void Batched_observe_is_one_observe_per_task()
    {
        var one = new AtaEmpiricalPolicy(3, 1.0);
        var batch = new AtaEmpiricalPolicy(3, 1.0);
        var rng = new Rng(11);
        for (int r = 0; r < 500; r++)
        {
            int worker = r % 3;
            double[] xs = [.. Enumerable.Range(0, r % 5).Select(_ => rng.NextExponential(3.0) + 0.1)];
            foreach (double x in xs)
            {
                one.Observe(worker, x);
            }

            batch.Observe(worker, xs);
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(one.SampleCount(i), batch.SampleCount(i));
            Assert.Equal(BitConverter.DoubleToInt64Bits(one.EmpiricalMean(i)), BitConverter.DoubleToInt64Bits(batch.EmpiricalMean(i)));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Observe(0, [1.0, double.NaN]));
        Assert.Equal(one.SampleCount(0) + 1, batch.SampleCount(0));
    }
}
