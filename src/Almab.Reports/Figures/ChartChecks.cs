namespace Almab.Reports.Figures;

/// <summary>Argument checks and data shaping shared by <see cref="Chart"/>'s series methods.</summary>
internal static class ChartChecks
{
    public static void Paired(double[] x, double[] y, string name)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y, name);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values but {name} has {y.Length}.", name);
        }
    }

    /// <summary>Maximal runs of indices where every column is finite (or, without <paramref name="breakRuns"/>, all finite points as one run).</summary>
    public static IEnumerable<(double[] X, double[] Y)> FiniteRuns(double[] x, double[] y, bool breakRuns = true)
    {
        foreach (double[][] run in Runs([x, y], breakRuns))
        {
            yield return (run[0], run[1]);
        }
    }

    /// <summary>As <see cref="FiniteRuns(double[], double[], bool)"/> for three columns.</summary>
    public static IEnumerable<(double[] X, double[] A, double[] B)> FiniteRuns(double[] x, double[] a, double[] b)
    {
        foreach (double[][] run in Runs([x, a, b], true))
        {
            yield return (run[0], run[1], run[2]);
        }
    }

    /// <summary>Post-step expansion of a band: each value holds until the next x.</summary>
    public static (double[] X, double[] A, double[] B) Steps(double[] x, double[] a, double[] b)
    {
        int n = x.Length;
        if (n < 2)
        {
            return (x, a, b);
        }

        double[] sx = new double[2 * n - 1], sa = new double[2 * n - 1], sb = new double[2 * n - 1];
        for (int i = 0; i < n; i++)
        {
            (sx[2 * i], sa[2 * i], sb[2 * i]) = (x[i], a[i], b[i]);
            if (i + 1 < n)
            {
                (sx[2 * i + 1], sa[2 * i + 1], sb[2 * i + 1]) = (x[i + 1], a[i], b[i]);
            }
        }

        return (sx, sa, sb);
    }

    private static IEnumerable<double[][]> Runs(double[][] columns, bool breakRuns)
    {
        int n = columns[0].Length;
        var current = new List<int>();
        for (int i = 0; i <= n; i++)
        {
            bool ok = i < n && columns.All(c => double.IsFinite(c[i]));
            if (ok)
            {
                current.Add(i);
            }
            else if (current.Count > 0 && (breakRuns || i == n))
            {
                yield return [.. columns.Select(c => current.Select(j => c[j]).ToArray())];
                current.Clear();
            }
        }
    }
}
