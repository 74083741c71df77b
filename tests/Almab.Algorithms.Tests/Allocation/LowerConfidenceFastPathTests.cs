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

    [Theory]
    [InlineData("ATA", 7, 23, 0.5, 6_000, 50)]
    [InlineData("ATA", 101, 23, 0.02, 6_000, 50)]
    [InlineData("ATA-E", 9, 23, 0.0, 6_000, 1)]
    [InlineData("ATA-E", 40, 23, 0.0, 20_000, 1)]
    public void Uniform_phase_rounds_follow_fewest_samples_then_lowest_index(string method, int n, int tasks, double alphaFactor, int rounds, int minimumPartial)
    {
        // The plain definition of the uniform phase, from the public bounds and counts: floor(B / z) to every zero-bound
        // worker and one more to the B mod z smallest (K_i, i). The bounds are also recomputed here from the test's own
        // sums (the policy's cached means, 1/K and 1/sqrt(K), refreshed four workers at a time, must give the same bits).
        var times = ShiftedExponentialTaskTimes.Linear(n);
        // ATA's bounds turn positive at different rounds (slow workers first); ATA-E's (relative) ones all together.
        double alpha = Math.Max(alphaFactor, 0.001) * times.Mean(n - 1);
        LowerConfidenceAllocationPolicy policy = method == "ATA" ? new AtaPolicy(n, alpha) : new AtaEmpiricalPolicy(n, 0.0);
        double coefficient = 4.0 * Math.E * (method == "ATA" ? alpha : AtaEmpiricalPolicy.XiFor(0.0));
        var rngs = Enumerable.Range(0, n).Select(i => new Seed(13).Derive(i).CreateRng()).ToArray();
        var allocation = new int[n];
        var sums = new double[n];
        var counts = new long[n];
        int uniform = 0, partial = 0, even = 0;
        for (int round = 1; round <= rounds; round++)
        {
            double log = Math.Log(2.0) + (2.0 * Math.Log(round));
            var zeros = new List<int>();
            for (int i = 0; i < n; i++)
            {
                double expected = 0.0;
                if (counts[i] > 0)
                {
                    double mean = sums[i] / counts[i];
                    double deviation = (Math.Sqrt(log) * (1.0 / Math.Sqrt(counts[i]))) + (log * (1.0 / counts[i]));
                    expected = method == "ATA" ? Math.Max(mean - (coefficient * deviation), 0.0) : mean * Math.Max(1.0 - (coefficient * deviation), 0.0);
                }

                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(policy.LowerBound(i, round)));
                if (expected == 0.0)
                {
                    zeros.Add(i);
                }
            }

            policy.Allocate(tasks, allocation);
            if (zeros.Count > 0)
            {
                var want = new int[n];
                foreach (int i in zeros)
                {
                    want[i] = tasks / zeros.Count;
                }

                foreach (int i in zeros.OrderBy(i => counts[i]).ThenBy(i => i).Take(tasks % zeros.Count))
                {
                    want[i]++;
                }

                Assert.Equal(want, allocation);
                uniform++;
                partial += zeros.Count < n ? 1 : 0;
                even += zeros.Count <= tasks ? 1 : 0;
            }

            for (int i = 0; i < n; i++)
            {
                var xs = new double[allocation[i]];
                for (int u = 0; u < xs.Length; u++)
                {
                    xs[u] = times.Sample(i, rngs[i]);
                    sums[i] += xs[u];
                }

                counts[i] += xs.Length;
                policy.Observe(i, xs);
            }
        }

        Assert.True(uniform > 100 && uniform < rounds && partial >= minimumPartial, $"{uniform} uniform rounds, {partial} with some bounds positive");
        Assert.True(n > tasks || even > 50, $"{even} rounds with z <= B");
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
