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

        int keep = (n + 1) / 2;
        if (n <= 1024 && KeepBySelection(ranked, keep, survivors))
        {
            return keep;
        }

        ranked.Sort();
        for (int i = 0; i < keep; i++)
        {
            survivors[i] = ranked[i].Arm;
        }

        survivors[..keep].Sort();
        return keep;
    }

    /// <summary>
    /// The same kept set as sorting by <see cref="RankedArm.CompareTo"/> and taking the first <paramref name="keep"/>:
    /// a quickselect on a copy finds the keep-th element T, then the arms ranked at or before T are taken in their
    /// input order (about 3n comparisons instead of a sort's n log n, most of them unpredictable branches). False if
    /// another element compares equal to T (there the sort's choice decides; the caller then sorts and overwrites).
    /// </summary>
    private static bool KeepBySelection(ReadOnlySpan<RankedArm> ranked, int keep, Span<int> survivors)
    {
        int n = ranked.Length;
        Span<RankedArm> scratch = stackalloc RankedArm[n];
        ranked.CopyTo(scratch);
        int lo = 0, hi = n - 1, target = keep - 1;
        while (hi > lo)
        {
            // Median of three as the pivot, then Hoare partition around its value.
            int mid = lo + ((hi - lo) >> 1);
            if (scratch[mid].CompareTo(scratch[lo]) < 0)
            {
                (scratch[mid], scratch[lo]) = (scratch[lo], scratch[mid]);
            }

            if (scratch[hi].CompareTo(scratch[lo]) < 0)
            {
                (scratch[hi], scratch[lo]) = (scratch[lo], scratch[hi]);
            }

            if (scratch[hi].CompareTo(scratch[mid]) < 0)
            {
                (scratch[hi], scratch[mid]) = (scratch[mid], scratch[hi]);
            }

            RankedArm pivot = scratch[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (scratch[i].CompareTo(pivot) < 0)
                {
                    i++;
                }

                while (pivot.CompareTo(scratch[j]) < 0)
                {
                    j--;
                }

                if (i <= j)
                {
                    (scratch[i], scratch[j]) = (scratch[j], scratch[i]);
                    i++;
                    j--;
                }
            }

            // [lo, j] <= pivot <= [i, hi], and elements strictly between j and i equal the pivot.
            if (target <= j)
            {
                hi = j;
            }
            else if (target >= i)
            {
                lo = i;
            }
            else
            {
                break;
            }
        }

        RankedArm threshold = scratch[target];
        int kept = 0, ties = 0;
        foreach (var r in ranked)
        {
            int c = r.CompareTo(threshold);
            ties += c == 0 ? 1 : 0;
            if (c <= 0 && kept < keep)
            {
                survivors[kept++] = r.Arm;
            }
        }

        if (ties != 1 || kept != keep)
        {
            return false;
        }

        survivors[..keep].Sort();
        return true;
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
