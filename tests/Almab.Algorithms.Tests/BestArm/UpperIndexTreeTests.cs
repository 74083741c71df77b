using Almab.Algorithms.BestArm;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almab.Algorithms.Tests.BestArm;

public sealed class UpperIndexTreeTests
{
    [Property(MaxTest = 300)]
    public bool ArgMax_equals_the_brute_force_argmax_with_lowest_index_ties(PositiveInt seed, byte armsRaw)
    {
        int arms = 1 + armsRaw % 70;
        var rng = new Almab.Algorithms.Randomness.Rng((ulong)seed.Get);
        var tree = new UpperIndexTree();
        tree.Reset(arms);
        // Coarse grids make exact ties frequent.
        var mean = new double[arms];
        var g = new double[arms];
        var w = new double[arms];
        for (int k = 0; k < arms; k++)
        {
            mean[k] = rng.Next(5) / 4.0;
            g[k] = rng.Next(3) / 2.0;
            w[k] = 1 + rng.Next(2);
            tree.Set(k, mean[k], g[k], w[k]);
        }

        double hRef = 1 + rng.Next(4);
        tree.Rebuild(hRef);
        for (int q = 0; q < 20; q++)
        {
            double h = q % 3 == 0 ? hRef : hRef * rng.NextDouble();
            int exclude = rng.Next(arms + 1) - 1;
            int expected = -1;
            double best = double.NegativeInfinity;
            for (int k = 0; k < arms; k++)
            {
                double v = (mean[k] + g[k] * h) * w[k];
                if (k != exclude && v > best)
                {
                    best = v;
                    expected = k;
                }
            }

            if (tree.ArgMax(h, exclude, out double got) != expected || (expected >= 0 && got != best))
            {
                return false;
            }

            int changed = rng.Next(arms);
            mean[changed] = rng.Next(5) / 4.0;
            tree.Set(changed, mean[changed], g[changed], w[changed]);
        }

        return true;
    }
}
