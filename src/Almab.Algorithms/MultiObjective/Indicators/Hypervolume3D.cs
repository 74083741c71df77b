namespace Almab.Algorithms.MultiObjective.Indicators;

/// <summary>
/// 3-D hypervolume by the dimension sweep of Beume, Fonseca, López-Ibáñez, Paquete and Vahrenhold (2009, "On the
/// complexity of computing the hypervolume indicator", IEEE TEC 13(5)): sweep the points in ascending third
/// objective, keep the 2-D non-dominated staircase of the first two objectives (x ascending, y descending) with its
/// dominated area in a balanced search tree (<see cref="StaircaseTreap"/>), and add area × slab height between
/// consecutive third-objective values. Each insertion is O(log n) and removes the points it dominates (each point is
/// removed at most once), so the sweep is O(n log n). Sentinels at (−∞, ry) and (rx, −∞) bound the staircase.
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

        var front = new StaircaseTreap(n + 2);
        front.Insert(double.NegativeInfinity, ry);
        front.Insert(rx, double.NegativeInfinity);
        double area = 0.0;
        double volume = 0.0;
        for (int i = 0; i < n; i++)
        {
            int j = order[i];
            area = Insert(front, area, p[j * 3], p[j * 3 + 1], ry);
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
    private static double Insert(StaircaseTreap front, double area, double x, double y, double ry)
    {
        int pred = front.Below(x);       // strict predecessor, at worst the left sentinel
        int first = front.AtOrAbove(x);  // at worst the right sentinel
        if (front.Y(pred) <= y || (front.X(first) == x && front.Y(first) <= y))
        {
            return area; // weakly dominated by the staircase
        }

        double xFirst = front.X(first);
        int cur = first;
        while (front.Y(cur) >= y)
        {
            // (x, y) dominates cur: drop cur's slab. The right sentinel (y = −∞) ends the loop.
            double cx = front.X(cur);
            int next = front.AtOrAbove(Math.BitIncrement(cx));
            area -= (front.X(next) - cx) * (ry - front.Y(cur));
            front.Remove(cx);
            cur = next;
        }

        area += (front.X(cur) - x) * (ry - y) - (xFirst - x) * (ry - front.Y(pred));
        front.Insert(x, y);
        return area;
    }
}
