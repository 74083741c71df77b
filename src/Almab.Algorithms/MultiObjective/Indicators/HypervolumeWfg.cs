namespace Almab.Algorithms.MultiObjective.Indicators;

/// <summary>
/// Exact hypervolume in four or more dimensions by WFG (While, Bradstreet and Barone 2012, "A fast way of
/// calculating exact hypervolumes", IEEE TEC 16(1)): HV(S) = Σ_k exclusive(s_k), where the exclusive volume of s_k
/// is its box minus HV of the non-dominated limit set {max(s_k, s_j) : j &gt; k}. Points are processed in ascending
/// order of the last objective so limit sets stay small. Worst case exponential in the dimension, as for every exact
/// method; used for the four-objective settings only.
/// </summary>
internal static class HypervolumeWfg
{
    /// <summary>Hypervolume of the <paramref name="n"/> row-major points (all strictly below the reference).</summary>
    public static double Compute(double[] p, int n, int m, ReadOnlySpan<double> reference)
    {
        var r = reference.ToArray();
        var front = NonDominated(p, n, m, out int k);
        return Wfg(front, k, m, r);
    }

    private static double Wfg(double[] p, int n, int m, double[] r)
    {
        if (n == 0)
        {
            return 0.0;
        }

        if (m == 3)
        {
            return Hypervolume3D.Compute(p, n, r[0], r[1], r[2]);
        }

        if (n == 1)
        {
            return Box(p, 0, m, r);
        }

        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => p[a * m + m - 1].CompareTo(p[b * m + m - 1]));
        var sorted = new double[n * m];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(p, order[i] * m, sorted, i * m, m);
        }

        double total = 0.0;
        var limit = new double[n * m];
        for (int kIdx = 0; kIdx < n; kIdx++)
        {
            int count = 0;
            for (int j = kIdx + 1; j < n; j++)
            {
                for (int d = 0; d < m; d++)
                {
                    limit[count * m + d] = Math.Max(sorted[kIdx * m + d], sorted[j * m + d]);
                }

                count++;
            }

            var nds = NonDominated(limit, count, m, out int kept);
            total += Box(sorted, kIdx, m, r) - Wfg(nds, kept, m, r);
        }

        return total;
    }

    private static double Box(double[] p, int i, int m, double[] r)
    {
        double v = 1.0;
        for (int d = 0; d < m; d++)
        {
            v *= r[d] - p[i * m + d];
        }

        return v;
    }

    /// <summary>The non-dominated points of the set with exact duplicates removed (first copy kept).</summary>
    internal static double[] NonDominated(double[] p, int n, int m, out int kept)
    {
        var keep = new bool[n];
        for (int i = 0; i < n; i++)
        {
            keep[i] = true;
        }

        for (int i = 0; i < n; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            var a = p.AsSpan(i * m, m);
            for (int j = 0; j < n; j++)
            {
                if (j == i || !keep[j])
                {
                    continue;
                }

                var b = p.AsSpan(j * m, m);
                if (Dominance.WeaklyDominates(a, b) && (Dominance.Dominates(a, b) || j > i))
                {
                    keep[j] = false;
                }
            }
        }

        var result = new double[n * m];
        kept = 0;
        for (int i = 0; i < n; i++)
        {
            if (keep[i])
            {
                Array.Copy(p, i * m, result, kept * m, m);
                kept++;
            }
        }

        return result;
    }
}
