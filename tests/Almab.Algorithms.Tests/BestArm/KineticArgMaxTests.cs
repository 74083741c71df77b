using Almab.Algorithms.BestArm;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almab.Algorithms.Tests.BestArm;

public sealed class KineticArgMaxTests
{
    [Property(MaxTest = 300)]
    public bool Winner_equals_the_brute_force_argmax_with_lowest_index_ties(PositiveInt seed, byte armsRaw)
    {
        int arms = 1 + armsRaw % 70;
        var rng = new Almab.Algorithms.Randomness.Rng((ulong)seed.Get);
        var tree = new KineticArgMax();
        tree.Reset(arms);
        // Coarse grids make exact ties and exact crossings frequent.
        var mean = new double[arms];
        var g = new double[arms];
        var w = new double[arms];
        var present = new bool[arms];
        for (int k = 0; k < arms; k++)
        {
            if (rng.Next(8) == 0)
            {
                continue;
            }

            present[k] = true;
            mean[k] = rng.Next(5) / 4.0;
            g[k] = rng.Next(3) / 2.0;
            w[k] = 1 + rng.Next(2);
            tree.Set(k, mean[k], g[k], w[k]);
        }

        double h = 0;
        for (int q = 0; q < 60; q++)
        {
            h += rng.Next(3) == 0 ? 0 : rng.Next(5) / 4.0 * rng.NextDouble();
            int got = tree.Advance(h);
            int expected = -1;
            double best = double.NegativeInfinity;
            for (int k = 0; k < arms; k++)
            {
                double v = mean[k] * w[k] + g[k] * w[k] * h;
                if (present[k] && v > best)
                {
                    best = v;
                    expected = k;
                }
            }

            if (got != expected)
            {
                return false;
            }

            // The runner-up without re-playing: brute force over the other present arms.
            if (expected >= 0)
            {
                int second = -1;
                double secondBest = double.NegativeInfinity;
                for (int k = 0; k < arms; k++)
                {
                    double v = mean[k] * w[k] + g[k] * w[k] * h;
                    if (present[k] && k != expected && (second < 0 || v > secondBest))
                    {
                        secondBest = v;
                        second = k;
                    }
                }

                if (tree.WinnerExcluding(expected) != second)
                {
                    return false;
                }
            }

            int changed = rng.Next(arms);
            present[changed] = true;
            mean[changed] = rng.Next(5) / 4.0;
            g[changed] = rng.Next(3) / 2.0;
            tree.Set(changed, mean[changed], g[changed], w[changed]);
            if (expected >= 0 && rng.Next(4) == 0)
            {
                tree.Disable(expected);
                present[expected] = false;
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool Incremental_tree_equals_a_tree_rebuilt_from_scratch_and_a_linear_scan(PositiveInt seed, byte armsRaw)
    {
        // Re-plays stop early when a node comes out unchanged; a tree rebuilt from all lines at every step and a
        // linear scan (lowest index among ties) must give the same winner and runner-up. Coarse grids: many ties.
        int arms = 2 + armsRaw % 90;
        var rng = new Almab.Algorithms.Randomness.Rng((ulong)seed.Get * 7919UL);
        var tree = new KineticArgMax();
        var fresh = new KineticArgMax();
        tree.Reset(arms);
        var mean = new double[arms];
        var g = new double[arms];
        var w = new double[arms];
        var present = new bool[arms];
        var known = new bool[arms];
        double h = 0;
        for (int q = 0; q < 200; q++)
        {
            int k = rng.Next(arms);
            switch (rng.Next(6))
            {
                case 0 when known[k]:
                    tree.Disable(k);
                    present[k] = false;
                    break;
                case 1 when known[k]:
                    tree.Enable(k);
                    present[k] = true;
                    break;
                default:
                    mean[k] = rng.Next(5) / 4.0;
                    g[k] = rng.Next(3) / 2.0;
                    w[k] = 1 + rng.Next(2);
                    tree.Set(k, mean[k], g[k], w[k]);
                    present[k] = known[k] = true;
                    break;
            }

            h += rng.Next(2) == 0 ? 0 : rng.Next(5) / 4.0 * rng.NextDouble();
            int got = tree.Advance(h);
            fresh.Reset(arms);
            for (int j = 0; j < arms; j++)
            {
                if (present[j])
                {
                    fresh.Set(j, mean[j], g[j], w[j]);
                }
            }

            int rebuilt = fresh.Advance(h);
            int expected = -1, second = -1;
            double best = double.NegativeInfinity, secondBest = double.NegativeInfinity;
            for (int j = 0; j < arms; j++)
            {
                double v = mean[j] * w[j] + g[j] * w[j] * h;
                if (present[j] && (expected < 0 || v > best))
                {
                    best = v;
                    expected = j;
                }
            }

            for (int j = 0; j < arms; j++)
            {
                double v = mean[j] * w[j] + g[j] * w[j] * h;
                if (present[j] && j != expected && (second < 0 || v > secondBest))
                {
                    secondBest = v;
                    second = j;
                }
            }

            if (got != expected || rebuilt != expected)
            {
                return false;
            }

            if (expected >= 0 && (tree.WinnerExcluding(expected) != second || fresh.WinnerExcluding(expected) != second))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool Flat_set_equals_set_with_zero_slope(PositiveInt seed, byte armsRaw)
    {
        // AT-LUCB's means tree: SetFlat must leave the same winners and runners-up as Set(arm, mean, 0, 1).
        int arms = 2 + armsRaw % 90;
        var rng = new Almab.Algorithms.Randomness.Rng((ulong)seed.Get * 31UL);
        var flat = new KineticArgMax();
        var general = new KineticArgMax();
        flat.Reset(arms);
        general.Reset(arms);
        for (int q = 0; q < 300; q++)
        {
            int k = rng.Next(arms);
            double mean = rng.Next(4) / 3.0;
            flat.SetFlat(k, mean);
            general.Set(k, mean, 0.0, 1.0);
            int w = general.Winner;
            if (flat.Winner != w || (w >= 0 && flat.WinnerExcluding(w) != general.WinnerExcluding(w)))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Advancing_backwards_is_rejected()
    {
        var tree = new KineticArgMax();
        tree.Reset(3);
        tree.Advance(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Advance(1));
    }
}
