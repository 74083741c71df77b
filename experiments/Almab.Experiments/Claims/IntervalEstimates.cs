using MathNet.Numerics.Distributions;
using Almab.Experiments.Papers.AlmabDc.Claims;

namespace Almab.Experiments.Claims;

/// <summary>95 % confidence intervals used by the claims check.</summary>
public static class IntervalEstimates
{
    /// <summary>
    /// Distribution-free CI for the median from order statistics: [x_(j), x_(n-j+1)] with j the largest index such that
    /// P(Binomial(n, 1/2) &lt; j) &lt;= 0.025 (coverage at least 95 %; exact for continuous data, conservative with ties).
    /// </summary>
    public static (double Median, double Lower, double Upper) Median(IReadOnlyList<double> values)
    {
        var x = values.Order().ToArray();
        int n = x.Length;
        if (n == 0)
        {
            throw new ArgumentException("no values");
        }

        double median = n % 2 == 1 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
        int j = 0; // number of order statistics cut from each side
        while (j + 1 <= n / 2 && Binomial.CDF(0.5, n, j) <= 0.025)
        {
            j++;
        }

        return j == 0 ? (median, x[0], x[^1]) : (median, x[j - 1], x[n - j]);
    }

    /// <summary>Student-t CI for the mean.</summary>
    public static (double Mean, double Lower, double Upper, double StandardError) Mean(IReadOnlyList<double> values)
    {
        int n = values.Count;
        if (n < 2)
        {
            throw new ArgumentException("a mean CI needs at least two values");
        }

        double mean = values.Average();
        double ss = values.Sum(v => (v - mean) * (v - mean));
        double se = Math.Sqrt(ss / (n - 1) / n);
        double t = StudentT.InvCDF(0, 1, n - 1, 0.975);
        return (mean, mean - t * se, mean + t * se, se);
    }

    /// <summary>
    /// Ratio of two independent means a/b with a delta-method normal CI:
    /// se(r) = r sqrt(se_a²/a² + se_b²/b²).
    /// </summary>
    public static (double Ratio, double Lower, double Upper) Ratio(IReadOnlyList<double> numerator, IReadOnlyList<double> denominator)
    {
        var a = Mean(numerator);
        var b = Mean(denominator);
        double r = a.Mean / b.Mean;
        double se = Math.Abs(r) * Math.Sqrt(Square(a.StandardError / a.Mean) + Square(b.StandardError / b.Mean));
        return (r, r - 1.959963984540054 * se, r + 1.959963984540054 * se);
    }

    /// <summary>Half a unit in the last stated digit of <paramref name="stated"/>, as the paper rounded it (e.g. 0.00263 → 5e-6).</summary>
    public static double RoundingHalfWidth(double stated)
    {
        if (stated == 0)
        {
            return 0;
        }

        string text = stated.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        int decimals = dot < 0 || text.Contains('E', StringComparison.Ordinal) ? 0 : text.Length - dot - 1;
        return 0.5 * Math.Pow(10, -decimals);
    }

    private static double Square(double v) => v * v;
}
