using Almab.Reports.Statistics;

namespace Almab.Reports.Figures.Builders;

/// <summary>
/// Turns replicate trajectories into the curves the figures draw: best-so-far, per-index summaries
/// (mean ± sd or median and quartiles, numpy's linear percentiles) and step resampling onto a time grid.
/// NaN entries are skipped; an index no replicate reaches is NaN (and breaks the drawn line).
/// </summary>
public static class CurveStatistics
{
    /// <summary>Running best (minimum or maximum) of <paramref name="values"/>; NaN until the first finite value.</summary>
    public static double[] BestSoFar(double[] values, OptimizationGoal goal)
    {
        ArgumentNullException.ThrowIfNull(values);
        var best = new double[values.Length];
        double cur = double.NaN;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsFinite(v) && (double.IsNaN(cur) || (goal == OptimizationGoal.Minimize ? v < cur : v > cur)))
            {
                cur = v;
            }

            best[i] = cur;
        }

        return best;
    }

    /// <summary>Running sum; a NaN term makes the rest NaN.</summary>
    public static double[] Cumulative(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var c = new double[values.Length];
        double s = 0;
        for (int i = 0; i < values.Length; i++)
        {
            s += values[i];
            c[i] = s;
        }

        return c;
    }

    /// <summary>Per-index centre, lower and upper band edges across replicate curves (ragged allowed).</summary>
    public static (double[] Center, double[] Lower, double[] Upper) Summarize(double[][] curves, BandKind band)
    {
        ArgumentNullException.ThrowIfNull(curves);
        int n = 0;
        foreach (double[] c in curves)
        {
            n = Math.Max(n, c.Length);
        }

        double[] center = new double[n], lower = new double[n], upper = new double[n];
        var column = new List<double>(curves.Length);
        for (int j = 0; j < n; j++)
        {
            column.Clear();
            foreach (double[] c in curves)
            {
                if (j < c.Length && double.IsFinite(c[j]))
                {
                    column.Add(c[j]);
                }
            }

            double[] col = [.. column];
            if (col.Length == 0)
            {
                center[j] = lower[j] = upper[j] = double.NaN;
                continue;
            }

            if (band == BandKind.MedianIqr)
            {
                Array.Sort(col);
                (center[j], lower[j], upper[j]) = (Descriptive.Percentile(col, 50), Descriptive.Percentile(col, 25), Descriptive.Percentile(col, 75));
            }
            else
            {
                double m = Descriptive.Mean(col), sd = col.Length > 1 ? Descriptive.StandardDeviation(col) : 0;
                (center[j], lower[j], upper[j]) = (m, m - sd, m + sd);
            }
        }

        return (center, lower, upper);
    }

    /// <summary>
    /// The step function "value of the last event at or before t" sampled on <paramref name="grid"/>
    /// (times ascending; NaN before the first event).
    /// </summary>
    public static double[] ResampleStep(double[] times, double[] values, double[] grid)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(grid);
        if (times.Length != values.Length)
        {
            throw new ArgumentException($"times has {times.Length} entries but values has {values.Length}.", nameof(values));
        }

        var order = new int[times.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort((double[])times.Clone(), order);
        var result = new double[grid.Length];
        int k = -1;
        for (int g = 0; g < grid.Length; g++)
        {
            while (k + 1 < order.Length && times[order[k + 1]] <= grid[g])
            {
                k++;
            }

            result[g] = k < 0 ? double.NaN : values[order[k]];
        }

        return result;
    }

    /// <summary>1, 2, ..., n as doubles (evaluation indices).</summary>
    public static double[] Indices(int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = i + 1;
        }

        return x;
    }
}
