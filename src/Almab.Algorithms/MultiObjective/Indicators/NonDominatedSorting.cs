namespace Almab.Algorithms.MultiObjective.Indicators;

/// <summary>
/// Fast non-dominated sorting (Deb, Pratap, Agarwal and Meyarivan 2002, "A fast and elitist multiobjective genetic
/// algorithm: NSGA-II", section III-A): O(M N²) comparisons, rank 0 is the non-dominated front. Read against DEAP's
/// <c>deap/tools/emo.py</c> (<c>sortNondominated</c>), which keeps the same bookkeeping (domination counts and
/// dominated lists); tests compare the fronts with DEAP fixtures.
/// </summary>
public static class NonDominatedSorting
{
    /// <summary>
    /// Ranks the <paramref name="count"/> points stored row-major in <paramref name="objectives"/> (each row
    /// <paramref name="m"/> values, minimized). Writes the front index of each point into <paramref name="rank"/> and
    /// returns the number of fronts. Equal points do not dominate each other and share a front.
    /// </summary>
    public static int Rank(ReadOnlySpan<double> objectives, int count, int m, Span<int> rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        if (objectives.Length < count * m || rank.Length < count)
        {
            throw new ArgumentException("objective or rank buffer too small");
        }

        var dominatedCount = new int[count];
        var dominatedStart = new int[count + 1];
        var dominatedBy = new List<int>[count];
        for (int p = 0; p < count; p++)
        {
            dominatedBy[p] = new List<int>();
        }

        for (int p = 0; p < count; p++)
        {
            var a = objectives.Slice(p * m, m);
            for (int q = p + 1; q < count; q++)
            {
                var b = objectives.Slice(q * m, m);
                if (Dominance.Dominates(a, b))
                {
                    dominatedBy[p].Add(q);
                    dominatedCount[q]++;
                }
                else if (Dominance.Dominates(b, a))
                {
                    dominatedBy[q].Add(p);
                    dominatedCount[p]++;
                }
            }
        }

        var current = new List<int>();
        for (int p = 0; p < count; p++)
        {
            if (dominatedCount[p] == 0)
            {
                current.Add(p);
            }
        }

        int front = 0;
        var next = new List<int>();
        while (current.Count > 0)
        {
            next.Clear();
            foreach (int p in current)
            {
                rank[p] = front;
                foreach (int q in dominatedBy[p])
                {
                    if (--dominatedCount[q] == 0)
                    {
                        next.Add(q);
                    }
                }
            }

            (current, next) = (next, current);
            front++;
        }

        return front;
    }

    /// <summary>The fronts as index lists, each in ascending index order (front 0 first).</summary>
    public static List<int>[] Fronts(ReadOnlySpan<double> objectives, int count, int m)
    {
        var rank = new int[count];
        int fronts = Rank(objectives, count, m, rank);
        var result = new List<int>[fronts];
        for (int f = 0; f < fronts; f++)
        {
            result[f] = new List<int>();
        }

        for (int p = 0; p < count; p++)
        {
            result[rank[p]].Add(p);
        }

        return result;
    }
}
