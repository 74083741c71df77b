namespace Almab.Algorithms.MultiObjective.Indicators;

/// <summary>
/// NSGA-II crowding distance (Deb et al. 2002, section III-B): per objective, sort the front, give the two extremes
/// infinite distance and every inner point the normalized gap between its neighbours. Normalization divides by the
/// front's range in that objective (a zero range adds nothing), as DEAP's <c>assignCrowdingDist</c> does.
/// </summary>
public static class CrowdingDistance
{
    /// <summary>
    /// Computes the distance of each member of <paramref name="front"/> (indices into the row-major
    /// <paramref name="objectives"/>) into <paramref name="distance"/> (indexed like <paramref name="front"/>).
    /// Each objective's stable sort starts from the previous objective's order, as DEAP's in-place
    /// <c>crowd.sort</c> does, so tied values break the same way and the distances match DEAP exactly.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> objectives, int m, IReadOnlyList<int> front, Span<double> distance)
    {
        int n = front.Count;
        distance[..n].Clear();
        if (n == 0)
        {
            return;
        }

        var order = new int[n];
        var keys = new double[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        for (int k = 0; k < m; k++)
        {
            for (int i = 0; i < n; i++)
            {
                keys[i] = objectives[front[i] * m + k];
            }

            StableSortByKey(order, keys);
            double lo = keys[order[0]];
            double hi = keys[order[n - 1]];
            distance[order[0]] = double.PositiveInfinity;
            distance[order[n - 1]] = double.PositiveInfinity;
            double range = hi - lo;
            if (range <= 0 || n < 3)
            {
                continue;
            }

            for (int i = 1; i < n - 1; i++)
            {
                distance[order[i]] += (keys[order[i + 1]] - keys[order[i - 1]]) / range;
            }
        }
    }

    private static void StableSortByKey(int[] order, double[] keys)
    {
        // Stable: insertion sort for small fronts; otherwise Array.Sort with the current position as tie-break.
        if (order.Length <= 32)
        {
            for (int i = 1; i < order.Length; i++)
            {
                int v = order[i];
                int j = i - 1;
                while (j >= 0 && keys[order[j]] > keys[v])
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = v;
            }

            return;
        }

        var position = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            position[order[i]] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = keys[a].CompareTo(keys[b]);
            return c != 0 ? c : position[a].CompareTo(position[b]);
        });
    }
}
