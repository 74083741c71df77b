using Almab.Algorithms.MultiObjective.Problems;

namespace Almab.Algorithms.MultiObjective.DivideAndLearn;

/// <summary>
/// Decision-space decomposition (D&amp;L Definition 4.2, appendix 11.1). Sliding windows: size d' = min(d, n), step
/// d' − o, windows [s, s + d') for s = 0, step, 2·step, … with the last one moved back to end at n. k-nearest
/// neighbours: as many groups as windows, anchored at elements ⌊j n / G⌋, each the anchor and its d' − 1 nearest
/// elements under the problem's locality metric (cities, customers, items). Overlap diminishes per sweep e:
/// o_e = max(⌈o₀/2⌉, round(o₀ (1 − ρ)^e)) with ρ = 0.1 (section 11.1: "40% initial overlap, decaying to 20%").
/// </summary>
public static class Decomposition
{
    /// <summary>The sliding windows as position lists.</summary>
    public static List<int[]> SlidingWindows(int n, int size, int overlap)
    {
        int d = Math.Min(size, n);
        int step = Math.Max(1, d - Math.Min(overlap, d - 1));
        var windows = new List<int[]>();
        for (int s = 0; ; s += step)
        {
            int start = Math.Min(s, n - d);
            windows.Add(Enumerable.Range(start, d).ToArray());
            if (start + d >= n)
            {
                break;
            }
        }

        return windows;
    }

    /// <summary>c_i: how many windows contain position i.</summary>
    public static int[] OverlapCounts(int n, List<int[]> windows)
    {
        var c = new int[n];
        foreach (var w in windows)
        {
            foreach (int i in w)
            {
                c[i]++;
            }
        }

        return c;
    }

    /// <summary>Overlap after <paramref name="sweeps"/> full passes over the subproblems.</summary>
    public static int Overlap(int initial, double decay, int sweeps) =>
        Math.Max((initial + 1) / 2, (int)Math.Round(initial * Math.Pow(1 - decay, sweeps)));

    /// <summary>Element groups for the k-nearest-neighbour decomposition.</summary>
    public static List<int[]> NearestNeighbourGroups(IMocoProblem problem, int size, int groups)
    {
        int n = problem.Length;
        int d = Math.Min(size, n);
        var result = new List<int[]>(groups);
        var others = new int[n];
        var dist = new double[n];
        for (int g = 0; g < groups; g++)
        {
            int anchor = (int)((long)g * n / groups);
            for (int e = 0; e < n; e++)
            {
                others[e] = e;
                dist[e] = e == anchor ? double.NegativeInfinity : problem.Locality(anchor, e);
            }

            Array.Sort(dist, others);
            var group = others.Take(d).ToArray();
            Array.Sort(group);
            result.Add(group);
        }

        return result;
    }
}
