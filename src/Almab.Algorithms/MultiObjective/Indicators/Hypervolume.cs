namespace Almab.Algorithms.MultiObjective.Indicators;

/// <summary>
/// Exact hypervolume of a point set for minimization: the Lebesgue measure of the region dominated by the set and
/// bounded above by the reference point (D&amp;L paper, appendix 10.4, eq. 8). Points that do not lie strictly below the
/// reference in every objective add nothing and are dropped. Dispatch: 2-D by one sort (O(n log n)), 3-D by the
/// dimension sweep of Beume, Fonseca, López-Ibáñez, Paquete and Vahrenhold (2009) (O(n log n),
/// <see cref="Hypervolume3D"/>), 4-D and above by WFG (While, Bradstreet and Barone 2012, <see cref="HypervolumeWfg"/>).
/// Tests compare with DEAP's <c>deap/tools/_hypervolume</c> (Fonseca's dimension-sweep code) to 1e-12 relative.
/// </summary>
public static class Hypervolume
{
    /// <summary>Hypervolume of <paramref name="count"/> row-major points of dimension <paramref name="reference"/>.Length.</summary>
    public static double Compute(ReadOnlySpan<double> points, int count, ReadOnlySpan<double> reference)
    {
        int m = reference.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        if (points.Length < count * m)
        {
            throw new ArgumentException("point buffer shorter than count × dimension", nameof(points));
        }

        for (int k = 0; k < m; k++)
        {
            if (!double.IsFinite(reference[k]))
            {
                throw new ArgumentException($"reference point coordinate {k} is not finite", nameof(reference));
            }
        }

        var kept = Filter(points, count, reference, out int n);
        return m switch
        {
            1 => n == 0 ? 0.0 : reference[0] - Min(kept, n),
            2 => TwoD(kept, n, reference[0], reference[1]),
            3 => Hypervolume3D.Compute(kept, n, reference[0], reference[1], reference[2]),
            _ => HypervolumeWfg.Compute(kept, n, m, reference),
        };
    }

    /// <summary>2-D hypervolume by sorting on the first objective and summing horizontal slabs.</summary>
    internal static double TwoD(double[] p, int n, double rx, double ry)
    {
        if (n == 0)
        {
            return 0.0;
        }

        var order = SortedOrder(p, n, 2);
        double hv = 0.0;
        double prevY = ry;
        for (int i = 0; i < n; i++)
        {
            int j = order[i];
            double y = p[j * 2 + 1];
            if (y < prevY)
            {
                hv += (rx - p[j * 2]) * (prevY - y);
                prevY = y;
            }
        }

        return hv;
    }

    /// <summary>Indices sorted by the first coordinate, then the second (lexicographic on the first two).</summary>
    internal static int[] SortedOrder(double[] p, int n, int m)
    {
        var order = new int[n];
        var keys = new double[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = p[a * m].CompareTo(p[b * m]);
            return c != 0 ? c : p[a * m + 1].CompareTo(p[b * m + 1]);
        });
        return order;
    }

    private static double[] Filter(ReadOnlySpan<double> points, int count, ReadOnlySpan<double> reference, out int kept)
    {
        int m = reference.Length;
        var result = new double[count * m];
        kept = 0;
        for (int i = 0; i < count; i++)
        {
            var row = points.Slice(i * m, m);
            bool inside = true;
            for (int k = 0; k < m; k++)
            {
                if (double.IsNaN(row[k]))
                {
                    throw new ArgumentException($"point {i} has a NaN objective", nameof(points));
                }

                if (!(row[k] < reference[k]))
                {
                    inside = false;
                }
            }

            if (inside)
            {
                row.CopyTo(result.AsSpan(kept * m, m));
                kept++;
            }
        }

        return result;
    }

    private static double Min(double[] p, int n)
    {
        double v = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            v = Math.Min(v, p[i]);
        }

        return v;
    }
}
