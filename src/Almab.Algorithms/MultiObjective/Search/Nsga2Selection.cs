using Almab.Algorithms.MultiObjective.Indicators;

namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// NSGA-II environmental selection (Deb et al. 2002, section III-C): whole fronts in rank order while they fit, then
/// the last front's members by decreasing crowding distance (stable on index order). Tested against DEAP's
/// <c>selNSGA2</c> (<c>deap/tools/emo.py</c>) on cuts free of crowding ties.
/// </summary>
public static class Nsga2Selection
{
    /// <summary>
    /// Picks <paramref name="k"/> of the <paramref name="count"/> row-major points; writes each point's rank and
    /// crowding distance (for the tournament) and returns the chosen indices.
    /// </summary>
    public static int[] Select(ReadOnlySpan<double> objectives, int count, int m, int k, int[] rank, double[] crowding)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, count);
        var fronts = NonDominatedSorting.Fronts(objectives, count, m);
        var chosen = new List<int>(k);
        for (int f = 0; f < fronts.Length; f++)
        {
            var front = fronts[f];
            var d = new double[front.Count];
            CrowdingDistance.Compute(objectives, m, front, d);
            for (int i = 0; i < front.Count; i++)
            {
                rank[front[i]] = f;
                crowding[front[i]] = d[i];
            }

            if (chosen.Count >= k)
            {
                continue;
            }

            if (chosen.Count + front.Count <= k)
            {
                chosen.AddRange(front);
                continue;
            }

            var order = new int[front.Count];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) =>
            {
                int c = d[b].CompareTo(d[a]);
                return c != 0 ? c : a.CompareTo(b);
            });
            for (int i = 0; chosen.Count < k; i++)
            {
                chosen.Add(front[order[i]]);
            }
        }

        return chosen.ToArray();
    }
}
