using Almab.Algorithms.BestArm;
using Almab.Algorithms.Randomness;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almab.Algorithms.Tests.BestArm;

public sealed class HalvingTests
{
    [Property(MaxTest = 300)]
    public bool Kept_set_equals_sorting_and_taking_the_better_half(PositiveInt seed, byte sizeRaw, byte levelsRaw)
    {
        // Coarse means (few levels) make mean ties frequent, so the random keys decide most comparisons.
        int n = 1 + sizeRaw % 300;
        int levels = 1 + levelsRaw % 6;
        var data = new Rng((ulong)seed.Get);
        var ranked = new RankedArm[n];
        for (int i = 0; i < n; i++)
        {
            ranked[i] = new RankedArm(3 * i + data.Next(3), data.Next(levels) / (double)levels, 0);
        }

        var copy = (RankedArm[])ranked.Clone();
        var survivors = new int[n];
        int kept = Halving.KeepBetterHalf(ranked, new Rng(99), survivors);

        // Reference: the same keys, a full sort, the first ceil(n/2) arms in ascending order.
        var keys = new Rng(99);
        for (int i = 0; i < n; i++)
        {
            copy[i] = copy[i] with { Key = keys.NextDouble() };
        }

        Array.Sort(copy);
        int keep = (n + 1) / 2;
        var expected = copy.Take(keep).Select(r => r.Arm).Order().ToArray();
        return kept == keep && survivors.Take(kept).SequenceEqual(expected);
    }
}
