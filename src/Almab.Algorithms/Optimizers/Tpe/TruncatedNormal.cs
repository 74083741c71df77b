using Almab.Algorithms.Randomness;
using MathNet.Numerics;

namespace Almab.Algorithms.Optimizers.Tpe;

/// <summary>
/// Standard-normal masses, log densities and inverse-CDF draws of a normal truncated to [low, high], computed on the
/// side of the mean where the tail probabilities are small (so masses far in a tail keep their relative accuracy).
/// </summary>
internal static class TruncatedNormal
{
    /// <summary>log(sqrt(2 pi)).</summary>
    public static readonly double LogSqrt2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>Phi(z), the standard normal CDF.</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2.0));

    /// <summary>The inverse of <see cref="Cdf"/> for p in (0, 1).</summary>
    public static double Quantile(double p) => -Math.Sqrt(2.0) * SpecialFunctions.ErfcInv(2.0 * p);

    /// <summary>log(Phi(b) - Phi(a)) for standardized bounds a &lt; b.</summary>
    public static double LogMass(double a, double b)
    {
        double mass;
        if (a >= 0)
        {
            mass = Cdf(-a) - Cdf(-b);
        }
        else if (b <= 0)
        {
            mass = Cdf(b) - Cdf(a);
        }
        else
        {
            mass = 1.0 - Cdf(a) - Cdf(-b);
        }

        return Math.Log(Math.Max(mass, 0));
    }

    /// <summary>Log density at x of N(mu, sigma^2) truncated to [low, high] (-inf outside).</summary>
    public static double LogPdf(double x, double mu, double sigma, double low, double high)
    {
        if (x < low || x > high)
        {
            return double.NegativeInfinity;
        }

        double z = (x - mu) / sigma;
        return -0.5 * z * z - LogSqrt2Pi - Math.Log(sigma) - LogMass((low - mu) / sigma, (high - mu) / sigma);
    }

    /// <summary>A draw of N(mu, sigma^2) truncated to [low, high], by inversion of the CDF.</summary>
    public static double Sample(Rng rng, double mu, double sigma, double low, double high)
    {
        double a = (low - mu) / sigma, b = (high - mu) / sigma;
        bool flip = a > 0;
        if (flip)
        {
            (a, b) = (-b, -a);
        }

        double pa = Cdf(a), pb = Cdf(b);
        double u = rng.NextOpenDouble();
        double p = pa + u * (pb - pa);
        double z = p <= 0 ? a : p >= 1 ? b : Math.Clamp(Quantile(p), a, b);
        if (flip)
        {
            z = -z;
        }

        return Math.Clamp(mu + sigma * z, low, high);
    }
}
