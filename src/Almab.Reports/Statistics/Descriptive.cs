namespace Almab.Reports.Statistics;

/// <summary>
/// Descriptive statistics used by the tables and the bootstrap. Percentiles use numpy's default
/// "linear" rule (R type 7), so quartiles match <c>np.percentile</c> and R's <c>quantile</c>.
/// </summary>
public static class Descriptive
{
    /// <summary>Arithmetic mean (NaN for an empty array).</summary>
    public static double Mean(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double s = 0;
        foreach (double v in values)
        {
            s += v;
        }

        return values.Length == 0 ? double.NaN : s / values.Length;
    }

    /// <summary>Sample standard deviation with n - 1 denominator (NaN below two values).</summary>
    public static double StandardDeviation(double[] values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        double m = Mean(values), ss = 0;
        foreach (double v in values)
        {
            ss += (v - m) * (v - m);
        }

        return Math.Sqrt(ss / (values.Length - 1));
    }

    /// <summary>Median; sorts <paramref name="values"/> in place (NaN for an empty array).</summary>
    public static double MedianInPlace(double[] values)
    {
        Array.Sort(values);
        return Percentile(values, 50);
    }

    /// <summary>
    /// The q-th percentile (q in [0, 100]) of already sorted values by linear interpolation between
    /// order statistics (numpy's default), NaN for an empty array.
    /// </summary>
    public static double Percentile(double[] sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (!(q >= 0 && q <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "The percentile must be in [0, 100].");
        }

        int n = sorted.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        double h = (n - 1) * (q / 100.0);
        int lo = Math.Min((int)Math.Floor(h), n - 1);
        int hi = Math.Min(lo + 1, n - 1);
        double t = h - lo;
        double a = sorted[lo], b = sorted[hi], diff = b - a;
        // numpy's _lerp: interpolate from the nearer end, which keeps the result inside [a, b].
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
