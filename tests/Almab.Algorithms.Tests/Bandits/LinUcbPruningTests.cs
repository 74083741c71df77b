using System.Runtime.Intrinsics;
using Almab.Algorithms.Bandits;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Bandits;

/// <summary>
/// LinUCB's pruned exact argmax (<see cref="LinUcbPrunedArgmax"/>, many arms) against the full scan: the same arm at
/// every decision on mature, mixed and tied states with adversarial contexts, and the per-arm bound (<see cref="RidgeBounds"/>)
/// at least the exact quadratic form lane by lane.
/// </summary>
public sealed class LinUcbPruningTests
{
    /// <summary>Context kinds: uniform [0,1], signed, large, orthogonal to 1, along 1, tiny, zero, one hot, mixed.</summary>
    private static void Context(Rng rng, double[] x, int kind)
    {
        int d = x.Length;
        for (int j = 0; j < d; j++)
        {
            x[j] = kind switch
            {
                0 => rng.NextDouble(),
                1 => 2 * rng.NextDouble() - 1,
                2 => 1e4 * (rng.NextDouble() - 0.3),
                4 => 0.7,
                5 => 1e-150 * rng.NextDouble(),
                6 => 0.0,
                7 => j == rng.Next(d) ? -3.0 : 0.0,
                _ => rng.NextDouble() - 0.5 + (j % 3 == 0 ? 5 : 0),
            };
        }

        if (kind == 3)
        {
            double mean = x.Average();
            for (int j = 0; j < d; j++)
            {
                x[j] -= mean;
            }
        }
    }

    [Theory]
    [InlineData(1200, 20, 20, 1.0, 1.0, 31)]
    [InlineData(515, 7, 12, 0.5, 2.0, 32)]
    [InlineData(300, 3, 40, 2.0, 0.25, 33)]
    [InlineData(100, 1, 5, 1.0, 1.0, 34)]
    [InlineData(777, 20, 3, 1.0, 1.0, 35)]
    public void Pruned_argmax_chooses_the_full_scans_arm_on_mature_and_mixed_states(int arms, int d, int rounds, double alpha, double lambda, int seed)
    {
        var pruned = new LinUcbPolicy(arms, d, alpha, lambda, pruned: true);
        var plain = new LinUcbPolicy(arms, d, alpha, lambda, pruned: false);
        var rng = new Rng((ulong)seed);
        var x = new double[d];
        // Warm-up: arm a gets between 0 and `rounds` updates (a third of the arms all `rounds`), so prior, low-rank and
        // dense groups mix; arms 40, 41, 48 and 400 get identical histories (exact ties across lanes and groups).
        for (int round = 0; round < rounds; round++)
        {
            for (int a = 0; a < arms; a++)
            {
                if (a % 3 != 0 && rng.Next(rounds + 1) < round)
                {
                    continue;
                }

                Context(rng, x, round % 9 == 2 ? 1 : 0);
                double reward = rng.NextDouble() < 0.5 + 0.4 * a / arms ? 1.0 : 0.0;
                pruned.Update(a, x, reward);
                plain.Update(a, x, reward);
            }

            Context(rng, x, 0);
            foreach (int twin in new[] { 40, 41, 48, 400 })
            {
                if (twin < arms)
                {
                    pruned.Update(twin, x, 1.0);
                    plain.Update(twin, x, 1.0);
                }
            }
        }

        for (int t = 0; t < 900; t++)
        {
            Context(rng, x, t % 9);
            int expected = plain.Select(x);
            Assert.Equal(expected, pruned.Select(x));
            double reward = rng.NextDouble() < 0.5 ? 1.0 : 0.0;
            pruned.Update(expected, x, reward);
            plain.Update(expected, x, reward);
        }
    }

    [Fact]
    public void Exact_ties_between_identical_arms_go_to_the_lowest_arm_in_both_paths()
    {
        // Every arm has the same history, so every index is bit-equal and arm 0 must win; then the chosen arm gets
        // rewards of 0 along x, and the choice must stay the lowest arm among those with the (bit-equal) largest index.
        const int arms = 96, d = 6;
        var pruned = new LinUcbPolicy(arms, d, 1.0, 1.0, pruned: true);
        var plain = new LinUcbPolicy(arms, d, 1.0, 1.0, pruned: false);
        var rng = new Rng(8);
        var x = new double[d];
        for (int round = 0; round < 10; round++)
        {
            Context(rng, x, 0);
            for (int a = 0; a < arms; a++)
            {
                pruned.Update(a, x, 0.5);
                plain.Update(a, x, 0.5);
            }
        }

        for (int t = 0; t < 60; t++)
        {
            Context(rng, x, 0);
            int lowest = 0;
            for (int a = 1; a < arms; a++)
            {
                if (plain.Index(a, x) > plain.Index(lowest, x))
                {
                    lowest = a;
                }
            }

            Assert.True(t > 0 || lowest == 0);
            Assert.Equal(lowest, plain.Select(x));
            Assert.Equal(lowest, pruned.Select(x));
            for (int k = 0; k < 3; k++)
            {
                pruned.Update(lowest, x, 0.0);
                plain.Update(lowest, x, 0.0);
            }
        }
    }

    [Fact]
    public void Bound_is_at_least_the_exact_quadratic_form_for_every_lane_and_context_kind()
    {
        const int arms = 160, d = 20;
        var models = new RidgeArmModels(arms, d, 1.5, bounded: true);
        var rng = new Rng(44);
        var x = new double[d];
        // 45 rounds: most arms pass their 40th update, where mu is lowered to the Jacobi/Gershgorin bound.
        for (int round = 0; round < 45; round++)
        {
            for (int a = 0; a < arms; a++)
            {
                if (a % 8 != 7 || round < 10)
                {
                    Context(rng, x, round % 4 == 3 ? 2 : round % 2);
                    models.Update(a, x, rng.NextDouble());
                }
            }
        }

        for (int t = 0; t < 400; t++)
        {
            Context(rng, x, t % 9);
            models.SetContext(x);
            for (int g = 0; g < models.Groups; g++)
            {
                Assert.True(models.IsDenseGroup(g));
                var exact = models.Group(g);
                var bound = models.BoundGroup(g);
                Assert.Equal(exact.Mean, bound.Mean);
                Assert.True(Vector512.GreaterThanOrEqualAll(bound.Quadratic, exact.Quadratic), $"context kind {t % 9}, group {g}");
            }
        }
    }

    [Fact]
    public void Public_constructor_prunes_from_the_threshold_on_and_still_matches_the_full_scan()
    {
        int arms = LinUcbPolicy.PruneFromArms;
        var pruned = new LinUcbPolicy(arms, 20, 1.0, 1.0);
        var plain = new LinUcbPolicy(arms, 20, 1.0, 1.0, pruned: false);
        var rng = new Rng(9);
        var x = new double[20];
        for (int round = 0; round < 20; round++)
        {
            for (int a = 0; a < arms; a++)
            {
                Context(rng, x, 0);
                double reward = rng.NextDouble() < 0.5 + 0.4 * a / arms ? 1.0 : 0.0;
                pruned.Update(a, x, reward);
                plain.Update(a, x, reward);
            }
        }

        for (int t = 0; t < 300; t++)
        {
            Context(rng, x, t % 9);
            int expected = plain.Select(x);
            Assert.Equal(expected, pruned.Select(x));
            pruned.Update(expected, x, 1.0);
            plain.Update(expected, x, 1.0);
        }
    }

    [Fact]
    public void After_many_updates_per_arm_the_pruned_argmax_still_matches_and_scores_few_groups_exactly()
    {
        // 160 updates per arm (mu refreshed at the 16th, 32nd, 64th and 128th): the 1 / lambda of the prior would bound
        // nothing by then, the eigen bound must. Same choices as the full scan, and under a quarter of the groups scored (about a tenth here; nearly all without the eigen bound).
        const int arms = 640, d = 8;
        var pruned = new LinUcbPolicy(arms, d, 1.0, 1.0, pruned: true);
        var plain = new LinUcbPolicy(arms, d, 1.0, 1.0, pruned: false);
        var rng = new Rng(12);
        var x = new double[d];
        for (int round = 0; round < 160; round++)
        {
            for (int a = 0; a < arms; a++)
            {
                Context(rng, x, 0);
                double reward = rng.NextDouble() < 0.5 + 0.4 * a / arms ? 1.0 : 0.0;
                pruned.Update(a, x, reward);
                plain.Update(a, x, reward);
            }
        }

        long exact = 0;
        const int decisions = 400;
        for (int t = 0; t < decisions; t++)
        {
            Context(rng, x, 0);
            int expected = plain.Select(x);
            Assert.Equal(expected, pruned.Select(x));
            exact += pruned.LastExactGroups;
            double reward = rng.NextDouble() < 0.5 ? 1.0 : 0.0;
            pruned.Update(expected, x, reward);
            plain.Update(expected, x, reward);
        }

        Assert.True(exact < decisions * (arms / 8) / 4, $"{exact} exact groups in {decisions} decisions of {arms / 8} groups");
    }
}
