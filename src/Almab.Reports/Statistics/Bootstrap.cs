using MathNet.Numerics.Distributions;

namespace Almab.Reports.Statistics;

/// <summary>
/// Seeded nonparametric bootstrap confidence intervals for one sample, computed like
/// <c>scipy.stats.bootstrap</c> (percentile and BCa; percentiles by numpy's linear interpolation;
/// z0 from the "mean" percentile of the estimate; acceleration from the jackknife). Resampling uses
/// Reports' private xoshiro256** generator, so the replicates (not the formulas) differ from scipy's.
/// </summary>
/// <remarks>
/// Choice: when the jackknife values are all equal (e.g. a constant sample) the acceleration 0/0 is
/// taken as 0 rather than NaN, so a degenerate sample gives the degenerate interval [estimate, estimate].
/// </remarks>
public static class Bootstrap
{
    /// <summary>Default number of resamples (scipy's default).</summary>
    public const int DefaultReplicates = 9999;

    /// <summary>Confidence interval for the mean.</summary>
    /// <param name="sample">Finite values, at least two.</param>
    /// <param name="seed">Seed of the resampling stream; same seed, same interval.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="method">Percentile or BCa.</param>
    /// <param name="replicates">Number of resamples (at least 100).</param>
    public static BootstrapInterval Mean(IReadOnlyList<double> sample, ulong seed, double level = 0.95,
        BootstrapMethod method = BootstrapMethod.BCa, int replicates = DefaultReplicates) =>
        ConfidenceInterval(sample, Descriptive.Mean, seed, level, method, replicates);

    /// <summary>Confidence interval for the median (average of the two middle values for even sizes).</summary>
    /// <inheritdoc cref="Mean"/>
    public static BootstrapInterval Median(IReadOnlyList<double> sample, ulong seed, double level = 0.95,
        BootstrapMethod method = BootstrapMethod.BCa, int replicates = DefaultReplicates) =>
        ConfidenceInterval(sample, Descriptive.MedianInPlace, seed, level, method, replicates);

    /// <summary>Confidence interval for any statistic of one sample.</summary>
    /// <param name="sample">Finite values, at least two.</param>
    /// <param name="statistic">The statistic; it may reorder the array it is given (a scratch copy).</param>
    /// <param name="seed">Seed of the resampling stream.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <param name="method">Percentile or BCa.</param>
    /// <param name="replicates">Number of resamples (at least 100).</param>
    public static BootstrapInterval ConfidenceInterval(IReadOnlyList<double> sample, Func<double[], double> statistic,
        ulong seed, double level = 0.95, BootstrapMethod method = BootstrapMethod.BCa, int replicates = DefaultReplicates)
    {
        Ranking.RequireFinite(sample, nameof(sample));
        ArgumentNullException.ThrowIfNull(statistic);
        if (sample.Count < 2)
        {
            throw new ArgumentException($"The bootstrap needs at least 2 values (sample has {sample.Count}).", nameof(sample));
        }

        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be in (0, 1).");
        }

        if (replicates < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(replicates), replicates, "Use at least 100 bootstrap replicates.");
        }

        double[] data = sample.ToArray();
        double[] theta = Resample(data, statistic, seed, replicates);
        double estimate = statistic(data.ToArray());
        (double lo, double hi) = method switch
        {
            BootstrapMethod.Percentile => PercentileInterval(theta, level),
            BootstrapMethod.BCa => BcaInterval(data, statistic, theta, level).Interval,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Use Percentile or BCa."),
        };
        return new BootstrapInterval(estimate, lo, hi, level, method, replicates, Descriptive.StandardDeviation(theta));
    }

    /// <summary>Bootstrap replicates of the statistic: <paramref name="replicates"/> resamples with replacement.</summary>
    internal static double[] Resample(double[] data, Func<double[], double> statistic, ulong seed, int replicates)
    {
        var rng = new ReportsRandom(seed);
        var buffer = new double[data.Length];
        var theta = new double[replicates];
        for (int b = 0; b < replicates; b++)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = data[rng.NextInt(data.Length)];
            }

            theta[b] = statistic(buffer);
        }

        return theta;
    }

    /// <summary>Percentile interval from given replicates.</summary>
    internal static (double Lower, double Upper) PercentileInterval(double[] theta, double level)
    {
        double alpha = (1 - level) / 2;
        double[] sorted = Sorted(theta);
        return (Descriptive.Percentile(sorted, alpha * 100), Descriptive.Percentile(sorted, (1 - alpha) * 100));
    }

    /// <summary>BCa interval from given replicates, with its bias correction z0 and acceleration a.</summary>
    internal static BcaDetails BcaInterval(double[] data, Func<double[], double> statistic, double[] theta, double level)
    {
        double alpha = (1 - level) / 2;
        double estimate = statistic(data.ToArray());
        int below = 0, atOrBelow = 0;
        foreach (double t in theta)
        {
            below += t < estimate ? 1 : 0;
            atOrBelow += t <= estimate ? 1 : 0;
        }

        double z0 = Normal.InvCDF(0, 1, (below + atOrBelow) / (2.0 * theta.Length));

        // Jackknife acceleration (Efron and Tibshirani eq. 14.15), scipy's U_i = (n - 1)(mean - theta_(i)).
        int n = data.Length;
        var jack = new double[n];
        var loo = new double[n - 1];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(data, 0, loo, 0, i);
            Array.Copy(data, i + 1, loo, i, n - 1 - i);
            jack[i] = statistic(loo);
        }

        double jackMean = Descriptive.Mean(jack);
        double num = 0, den = 0;
        foreach (double j in jack)
        {
            double u = (n - 1) * (jackMean - j);
            num += u * u * u;
            den += u * u;
        }

        num /= (double)n * n * n;
        den /= (double)n * n;
        double a = den == 0 ? 0.0 : num / (6.0 * Math.Pow(den, 1.5));

        double zAlpha = Normal.InvCDF(0, 1, alpha);
        double num1 = z0 + zAlpha, num2 = z0 - zAlpha;
        double alpha1 = Normal.CDF(0, 1, z0 + num1 / (1 - a * num1));
        double alpha2 = Normal.CDF(0, 1, z0 + num2 / (1 - a * num2));
        if (double.IsNaN(alpha1) || double.IsNaN(alpha2))
        {
            throw new InvalidOperationException(
                $"The BCa interval cannot be computed: the bootstrap distribution is degenerate (z0 = {z0}); use the percentile method.");
        }

        double[] sorted = Sorted(theta);
        var interval = (Descriptive.Percentile(sorted, alpha1 * 100), Descriptive.Percentile(sorted, alpha2 * 100));
        return new BcaDetails(z0, a, alpha1, alpha2, interval);
    }

    private static double[] Sorted(double[] values)
    {
        double[] s = values.ToArray();
        Array.Sort(s);
        return s;
    }

    /// <summary>Intermediate BCa quantities (exposed to tests).</summary>
    internal readonly record struct BcaDetails(double Z0, double Acceleration, double Alpha1, double Alpha2, (double Lower, double Upper) Interval);
}
