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

    [Fact]
    public void Advancing_backwards_is_rejected()
    {
        var tree = new KineticArgMax();
        tree.Reset(3);
        tree.Advance(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Advance(1));
    }
}
