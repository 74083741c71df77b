namespace Almab.Algorithms.MultiObjective.Indicators;

/// <summary>
/// Pareto dominance for minimization: every objective vector in the multi-objective code is oriented so that lower is
/// better (knapsack values are negated by the problem). D&amp;L paper, appendix 10.4.
/// </summary>
public static class Dominance
{
    /// <summary>True when <paramref name="a"/> is no worse than <paramref name="b"/> everywhere and better somewhere.</summary>
    public static bool Dominates(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        bool strictly = false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] > b[i])
            {
                return false;
            }

            if (a[i] < b[i])
            {
                strictly = true;
            }
        }

        return strictly;
    }

    /// <summary>True when <paramref name="a"/> is no worse than <paramref name="b"/> in every objective.</summary>
    public static bool WeaklyDominates(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] > b[i])
            {
                return false;
            }
        }

        return true;
    }
}
