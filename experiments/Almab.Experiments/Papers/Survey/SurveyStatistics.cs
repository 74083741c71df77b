using Almab.Experiments.Claims;
using MathNet.Numerics.Distributions;

namespace Almab.Experiments.Papers.Survey;

/// <summary>Summaries the survey parts report: median and IQR, median CI, OLS slopes with t intervals.</summary>
public static class SurveyStatistics
{
    /// <summary>Median, 25th and 75th percentiles (linear interpolation between order statistics).</summary>
    public static (double Median, double Q1, double Q3) MedianIqr(IReadOnlyList<double> values)
    {
        var x = values.Order().ToArray();
        if (x.Length == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        return (Quantile(x, 0.5), Quantile(x, 0.25), Quantile(x, 0.75));
    }

    /// <summary>The q-quantile of sorted values (type 7: (n - 1) q, interpolated).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Distribution-free 95 % CI of the median (the claims check's order-statistic interval).</summary>
    public static (double Median, double Lower, double Upper) MedianCi(IReadOnlyList<double> values) => IntervalEstimates.Median(values);

    /// <summary>
    /// Ordinary least squares y = a + b x with the 95 % Student-t interval for the slope b (n - 2 degrees of freedom).
    /// </summary>
    public static (double Intercept, double Slope, double Lower, double Upper) Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        if (n != y.Count || n < 3)
        {
            throw new ArgumentException("a slope interval needs at least three (x, y) pairs of equal count");
        }

        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }

        if (sxx == 0)
        {
            throw new ArgumentException("x must vary for a slope");
        }

        double b = sxy / sxx, a = my - b * mx, sse = 0;
        for (int i = 0; i < n; i++)
        {
            double r = y[i] - a - b * x[i];
            sse += r * r;
        }

        double se = Math.Sqrt(sse / (n - 2) / sxx);
        double t = StudentT.InvCDF(0, 1, n - 2, 0.975);
        return (a, b, b - t * se, b + t * se);
    }
    /// <summary>
    /// Ratio of means r = mean(a) / mean(b) of paired samples (a_i, b_i from the same replicate) with the 95 % normal
    /// interval of the ratio estimator: se(r)^2 = (s_a^2 - 2 r s_ab + r^2 s_b^2) / (n mean(b)^2), sample (co)variances
    /// with n - 1 (Cochran, Sampling Techniques, section 6.3).
    /// </summary>
    public static (double Ratio, double Lower, double Upper) PairedRatio(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n = a.Count;
        if (n != b.Count || n < 2)
        {
            throw new ArgumentException("a paired ratio needs at least two pairs of equal count");
        }

        double ma = a.Average(), mb = b.Average(), saa = 0, sbb = 0, sab = 0;
        for (int i = 0; i < n; i++)
        {
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
            sab += (a[i] - ma) * (b[i] - mb);
        }

        double r = ma / mb;
        double variance = (saa - 2 * r * sab + r * r * sbb) / (n - 1) / (n * mb * mb);
        double half = Normal.InvCDF(0, 1, 0.975) * Math.Sqrt(Math.Max(variance, 0));
        return (r, r - half, r + half);
    }
}
