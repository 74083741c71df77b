using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.BestArm;

/// <summary>
/// One successive-halving elimination: keep the ceil(n/2) survivors of highest empirical mean, ties broken
/// uniformly at random, and leave them in ascending arm order (as the published code does before the next
/// round robin).
/// </summary>
internal static class Halving
{
    /// <summary>
    /// Ranks <paramref name="ranked"/>[0..n) (arm and mean filled in; keys are drawn here), writes the kept arms in
    /// ascending order to <paramref name="survivors"/> and returns how many were kept.
    /// </summary>
    public static int KeepBetterHalf(Span<RankedArm> ranked, Rng rng, Span<int> survivors)
    {
        int n = ranked.Length;
        for (int i = 0; i < n; i++)
        {
            ranked[i] = ranked[i] with { Key = rng.NextDouble() };
        }

        ranked.Sort();
        int keep = (n + 1) / 2;
        for (int i = 0; i < keep; i++)
        {
            survivors[i] = ranked[i].Arm;
        }

        survivors[..keep].Sort();
        return keep;
    }

    /// <summary>ceil(log2 K) for K &gt;= 2: the number of halving phases.</summary>
    public static int Phases(int arms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        int q = 0;
        while ((1L << q) < arms)
        {
            q++;
        }

        return q;
    }
}
