using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Allocation;

public sealed class AtaPolicyTests
{
    [Fact]
    public void Confidence_width_is_equation_7()
    {
        // /usr/bin/python3: 4*e*80*(sqrt(log(2*7**2)/10) + log(2*7**2)/10)
        Assert.Equal(987.8198127195707, AtaPolicy.ConfidenceWidth(80.0, samples: 10, round: 7), 9);
        Assert.Equal(double.PositiveInfinity, AtaPolicy.ConfidenceWidth(80.0, samples: 0, round: 7));
    }

    [Fact]
    public void Lower_bound_is_the_positive_part_of_mean_minus_width()
    {
        var ata = new AtaPolicy(2, alpha: 0.01);
        Assert.Equal(0.0, ata.LowerBound(0, 1));
        foreach (double x in new[] { 3.0, 5.0, 4.0, 6.0 })
        {
            ata.Observe(0, x);
        }

        double width = AtaPolicy.ConfidenceWidth(0.01, 4, 9);
        Assert.Equal(4.5, ata.EmpiricalMean(0), 12);
        Assert.Equal(4.5 - width, ata.LowerBound(0, 9), 12);
        Assert.Equal(0.0, new AtaPolicy(1, 100.0).LowerBound(0, 3));
    }

    [Fact]
    public void Uniform_phase_cycles_through_zero_bound_workers_by_fewest_samples()
    {
        var ata = new AtaPolicy(20, alpha: 80.0);
        var a = new int[20];
        var seen = new int[20];
        for (int round = 0; round < 4; round++)
        {
            ata.Allocate(5, a);
            Assert.Equal(5, a.Sum());
            for (int i = 0; i < 20; i++)
            {
                Assert.InRange(a[i], 0, 1);
                seen[i] += a[i];
                for (int u = 0; u < a[i]; u++)
                {
                    ata.Observe(i, 2.0 * (i + 1));
                }
            }
        }

        // Four rounds of 5 tasks on 20 zero-bound workers: each worker exactly once.
        Assert.All(seen, s => Assert.Equal(1, s));
        Assert.Equal(4, ata.Round);
    }

    [Fact]
    public void Uniform_phase_with_more_tasks_than_zero_workers_is_as_even_as_possible()
    {
        var ata = new AtaPolicy(3, alpha: 1.0);
        var a = new int[3];
        ata.Allocate(8, a);
        Assert.Equal([3, 3, 2], a);
    }

    [Fact]
    public void Positive_bounds_are_allocated_by_ras()
    {
        var ata = new AtaPolicy(4, alpha: 1e-3);
        double[] speeds = [1.0, 2.0, 3.0, 8.0];
        for (int i = 0; i < 4; i++)
        {
            for (int u = 0; u < 50; u++)
            {
                ata.Observe(i, speeds[i]);
            }
        }

        var bounds = new double[4];
        for (int i = 0; i < 4; i++)
        {
            bounds[i] = ata.LowerBound(i, 1);
            Assert.True(bounds[i] > 0.0 && bounds[i] < speeds[i]);
        }

        var expected = new int[4];
        new RecursiveAllocationSelection().Solve(bounds, 11, expected);
        var a = new int[4];
        ata.Allocate(11, a);
        Assert.Equal(expected, a);
    }

    [Fact]
    public void Proposition_d1_coverage_holds_for_exponential_times()
    {
        // Exp(mean 1) has ||X||_psi1 = 2 exactly. At round k = 2 (delta = 1/4) with K = 5 samples, the two-sided
        // event |mean - mu| > conf must have probability <= 1/4; we check the one-sided LCB > mu against 1/4 + 5 SE.
        const int replicates = 4000;
        var rng = new Seed(5).CreateRng();
        int violations = 0;
        for (int r = 0; r < replicates; r++)
        {
            var ata = new AtaPolicy(1, alpha: 2.0);
            for (int u = 0; u < 5; u++)
            {
                ata.Observe(0, rng.NextExponential(1.0));
            }

            violations += ata.LowerBound(0, 2) > 1.0 ? 1 : 0;
        }

        double limit = 0.25 + 5.0 * Math.Sqrt(0.25 * 0.75 / replicates);
        Assert.True(violations / (double)replicates <= limit, $"violation rate {violations / (double)replicates}");
    }

    [Fact]
    public void Reset_forgets_observations_and_rounds()
    {
        var ata = new AtaPolicy(2, alpha: 1.0);
        ata.Allocate(2, new int[2]);
        ata.Observe(1, 3.0);
        ata.Reset();
        Assert.Equal(0, ata.Round);
        Assert.Equal(0, ata.SampleCount(1));
        Assert.Equal(0.0, ata.EmpiricalMean(1));
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AtaPolicy(0, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AtaPolicy(3, 0.0));
        var ata = new AtaPolicy(3, 1.0);
        Assert.Throws<ArgumentOutOfRangeException>(() => ata.Observe(3, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ata.Observe(0, -1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ata.Observe(0, double.NaN));
        Assert.Throws<ArgumentException>(() => ata.Allocate(2, new int[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ata.LowerBound(0, 0));
    }
}
