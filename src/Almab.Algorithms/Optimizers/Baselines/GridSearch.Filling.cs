using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>A grid that spends a whole evaluation budget (issue 17: every method spends exactly the stated N).</summary>
public sealed partial class GridSearch
{
    /// <summary>
    /// A grid of exactly <paramref name="budget"/> evaluations in all (initial design included) when the space has that
    /// many points: a mixed-level grid grown one level at a time, parameters in turn (first parameter first), while the
    /// product fits; the evaluations left over are taken from the next finer grid (one more level on the next parameter
    /// that can grow), among its points not already in the grid, evenly spaced through its enumeration order. A
    /// uniform-level grid (<see cref="ForBudget"/>) can leave most of a budget unspent: 2^6 = 64 &gt; 50 gives case 3
    /// a single point. Our reading; the paper does not say how its grids are sized.
    /// </summary>
    public static GridSearch FillingBudget(SearchSpace space, int budget, IReadOnlyList<Configuration>? initialDesign = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (budget < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "grid-search: budget must be >= 1 evaluation");
        }

        int room = Math.Max(1, budget - (initialDesign?.Count ?? 0));
        int d = space.Dimension;
        var counts = new int[d];
        Array.Fill(counts, 1);
        long size = 1;
        int next = 0;
        while (TryGrow(space, counts, size, room, ref next, out size))
        {
        }

        var levels = Levels(space, counts);
        var points = Product(levels);
        int left = room - points.Length;
        int grow = NextGrowable(space, counts, next);
        if (left > 0 && grow >= 0)
        {
            counts[grow]++;
            var inGrid = new HashSet<Configuration>(points);
            var finer = Product(Levels(space, counts)).Where(c => !inGrid.Contains(c)).ToArray();
            int take = Math.Min(left, finer.Length);
            var extra = new Configuration[take];
            for (int k = 0; k < take; k++)
            {
                extra[k] = finer[(int)((k + 0.5) * finer.Length / take)];
            }

            points = [.. points, .. extra];
        }

        return new GridSearch(space, points, counts.Max(), initialDesign);
    }

    private static bool TryGrow(SearchSpace space, int[] counts, long size, int room, ref int next, out long grown)
    {
        grown = size;
        int p = NextGrowable(space, counts, next);
        if (p < 0 || size / counts[p] * (counts[p] + 1) > room)
        {
            return false;
        }

        grown = size / counts[p] * (counts[p] + 1);
        counts[p]++;
        next = (p + 1) % counts.Length;
        return true;
    }

    /// <summary>The first parameter from <paramref name="start"/> on (cyclically) that has more values than it uses, or -1.</summary>
    private static int NextGrowable(SearchSpace space, int[] counts, int start)
    {
        for (int k = 0; k < counts.Length; k++)
        {
            int p = (start + k) % counts.Length;
            if ((space.Parameters[p].Cardinality ?? long.MaxValue) > counts[p])
            {
                return p;
            }
        }

        return -1;
    }

    private static double[][] Levels(SearchSpace space, int[] counts)
    {
        var levels = new double[counts.Length][];
        for (int i = 0; i < counts.Length; i++)
        {
            levels[i] = GridLevels.Of(space.Parameters[i], counts[i]);
        }

        return levels;
    }
}
