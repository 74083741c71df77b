using Almab.Algorithms.MultiObjective.Indicators;

namespace Almab.Algorithms.Tests.MultiObjective;

/// <summary>
/// Exact hypervolume by coordinate compression: the grid spanned by every distinct coordinate (and the reference) in
/// each dimension; a cell counts when its lower corner is weakly dominated by some point. O(n^m · n): small sets only.
/// </summary>
internal static class BruteForceHypervolume
{
    public static double Compute(double[] points, int n, double[] reference)
    {
        int m = reference.Length;
        var axes = new double[m][];
        for (int d = 0; d < m; d++)
        {
            var set = new SortedSet<double> { reference[d] };
            for (int i = 0; i < n; i++)
            {
                if (points[i * m + d] < reference[d])
                {
                    set.Add(points[i * m + d]);
                }
            }

            axes[d] = set.ToArray();
        }

        var index = new int[m];
        var corner = new double[m];
        double total = 0;
        while (true)
        {
            bool valid = true;
            double volume = 1;
            for (int d = 0; d < m; d++)
            {
                if (index[d] + 1 >= axes[d].Length)
                {
                    valid = false;
                    break;
                }

                corner[d] = axes[d][index[d]];
                volume *= axes[d][index[d] + 1] - axes[d][index[d]];
            }

            if (valid)
            {
                for (int i = 0; i < n; i++)
                {
                    if (Dominance.WeaklyDominates(points.AsSpan(i * m, m), corner))
                    {
                        total += volume;
                        break;
                    }
                }
            }

            int k = 0;
            while (k < m && ++index[k] >= axes[k].Length - 1)
            {
                index[k] = 0;
                k++;
            }

            if (k == m)
            {
                return total;
            }
        }
    }
}
