namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>
/// Evenly spread weight vectors on the simplex: for two objectives (1 − i/(N−1), i/(N−1)), i = 0..N−1, extremes
/// included (PMOCO's test scripts use the same grid with N = 101); for three or more, the Das–Dennis simplex-lattice
/// with H divisions (C(H+m−1, m−1) vectors, PMOCO's <c>das_dennis</c>).
/// </summary>
public static class WeightVectors
{
    /// <summary>About <paramref name="count"/> vectors for <paramref name="objectives"/> objectives (exactly count when m = 2;
    /// the smallest Das–Dennis lattice with at least count vectors otherwise).</summary>
    public static double[][] Spread(int objectives, int count)
    {
        if (objectives < 2)
        {
            throw new ArgumentException($"weight vectors need at least 2 objectives, got {objectives}");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (objectives == 2)
        {
            var result = new double[count][];
            for (int i = 0; i < count; i++)
            {
                double t = count == 1 ? 0.5 : (double)i / (count - 1);
                result[i] = [1.0 - t, t];
            }

            return result;
        }

        int h = 1;
        while (LatticeSize(objectives, h) < count)
        {
            h++;
        }

        return DasDennis(objectives, h);
    }

    /// <summary>All vectors with entries in {0, 1/H, …, 1} summing to one.</summary>
    public static double[][] DasDennis(int objectives, int divisions)
    {
        var list = new List<double[]>();
        var current = new int[objectives];
        Recurse(list, current, 0, divisions, divisions);
        return list.ToArray();
    }

    private static void Recurse(List<double[]> list, int[] current, int index, int left, int h)
    {
        if (index == current.Length - 1)
        {
            current[index] = left;
            var w = new double[current.Length];
            for (int k = 0; k < w.Length; k++)
            {
                w[k] = (double)current[k] / h;
            }

            list.Add(w);
            return;
        }

        for (int v = left; v >= 0; v--)
        {
            current[index] = v;
            Recurse(list, current, index + 1, left - v, h);
        }
    }

    private static long LatticeSize(int m, int h)
    {
        long c = 1;
        for (int i = 1; i < m; i++)
        {
            c = c * (h + i) / i;
        }

        return c;
    }
}
