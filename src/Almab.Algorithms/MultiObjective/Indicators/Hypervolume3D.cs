namespace Almab.Algorithms.MultiObjective.Indicators;

/// <summary>
/// 3-D hypervolume by the dimension sweep of Beume, Fonseca, López-Ibáñez, Paquete and Vahrenhold (2009, "On the
/// complexity of computing the hypervolume indicator", IEEE TEC 13(5)): sweep the points in ascending third
/// objective, keep the 2-D non-dominated staircase of the first two objectives (x ascending, y descending) with its
/// dominated area, and add area × slab height between consecutive third-objective values. Each insertion finds its
/// place by binary search (O(log n)) and removes the points it dominates (each point is removed at most once), so the
/// sweep does O(n log n) comparisons. The staircase is a sorted array, so an insertion also moves the array tail:
/// O(n) memory moves in the worst case instead of a balanced tree's O(log n) — a memmove, negligible at the front
/// sizes used here (≤ 10⁴ points), and simpler than a tree. Sentinels at (−∞, ry) and (rx, −∞) bound the staircase.
/// </summary>
internal static class Hypervolume3D
{
    /// <summary>Hypervolume of the <paramref name="n"/> row-major points (all strictly below the reference).</summary>
    public static double Compute(double[] p, int n, double rx, double ry, double rz)
    {
        if (n == 0)
        {
            return 0.0;
        }

        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = p[a * 3 + 2].CompareTo(p[b * 3 + 2]);
            if (c != 0)
            {
                return c;
            }

            c = p[a * 3].CompareTo(p[b * 3]);
            return c != 0 ? c : p[a * 3 + 1].CompareTo(p[b * 3 + 1]);
        });

        var xs = new List<double>(n + 2) { double.NegativeInfinity, rx };
        var ys = new List<double>(n + 2) { ry, double.NegativeInfinity };
        double area = 0.0;
        double volume = 0.0;
        for (int i = 0; i < n; i++)
        {
            int j = order[i];
            area = Insert(xs, ys, area, p[j * 3], p[j * 3 + 1], ry);
            double z = p[j * 3 + 2];
            double nextZ = i + 1 < n ? p[order[i + 1] * 3 + 2] : rz;
            volume += area * (nextZ - z);
        }

        return volume;
    }

    /// <summary>
    /// Inserts (x, y) into the staircase and returns the new dominated area. Area = Σ (x_{i+1} − x_i)(ry − y_i) over
    /// the real staircase points; the left sentinel has height 0 and the right sentinel ends the last slab at rx.
    /// </summary>
    private static double Insert(List<double> xs, List<double> ys, double area, double x, double y, double ry)
    {
        // first: index of the first staircase point with xs >= x (the right sentinel guarantees one exists).
        int first = LowerBound(xs, x);
        int pred = first - 1; // strict predecessor, at worst the left sentinel
        if (ys[pred] <= y)
        {
            return area; // dominated by the predecessor
        }

        if (xs[first] == x && ys[first] <= y)
        {
            return area; // dominated by an equal-x point
        }

        double xFirst = xs[first];
        int end = first;
        while (ys[end] >= y)
        {
            // The point at end is dominated by (x, y): drop its slab. The right sentinel (y = −∞) stops the loop.
            area -= (xs[end + 1] - xs[end]) * (ry - ys[end]);
            end++;
        }

        double xNext = xs[end];
        double predHeight = ry - ys[pred];
        area += (xNext - x) * (ry - y) - (xFirst - x) * predHeight;
        xs.RemoveRange(first, end - first);
        ys.RemoveRange(first, end - first);
        xs.Insert(first, x);
        ys.Insert(first, y);
        return area;
    }

    private static int LowerBound(List<double> xs, double x)
    {
        int lo = 0;
        int hi = xs.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
