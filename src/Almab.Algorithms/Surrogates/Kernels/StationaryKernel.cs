using System.Runtime.CompilerServices;

namespace Almab.Algorithms.Surrogates.Kernels;

/// <summary>
/// Unit-variance correlation functions of the <see cref="KernelFamily"/> members and the factor that
/// turns them into derivatives with respect to log length scales (ALMAB-DC section 2.2).
/// Both take the squared ARD-scaled distance r^2, so callers never take a square root they do not need.
/// </summary>
public static class StationaryKernel
{
    private const double Sqrt3 = 1.7320508075688772;
    private const double Sqrt5 = 2.23606797749979;

    /// <summary>Correlation k(r) (signal variance 1) at squared scaled distance <paramref name="r2"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Correlation(KernelFamily family, double r2)
    {
        switch (family)
        {
            case KernelFamily.SquaredExponential:
                return Math.Exp(-0.5 * r2);
            case KernelFamily.Matern12:
                return Math.Exp(-Math.Sqrt(r2));
            case KernelFamily.Matern32:
            {
                double a = Sqrt3 * Math.Sqrt(r2);
                return (1.0 + a) * Math.Exp(-a);
            }
            default:
            {
                double a = Sqrt5 * Math.Sqrt(r2);
                return (1.0 + a + (5.0 / 3.0) * r2) * Math.Exp(-a);
            }
        }
    }

    /// <summary>
    /// Correlation and the length-scale derivative factor h(r) at once, where
    /// d k / d log l_j = h(r) * ((x_j - x'_j) / l_j)^2 (signal variance 1).
    /// For Matérn 1/2, h = exp(-r) / r, which is undefined at r = 0; it is set to 0 there, as
    /// scikit-learn does (its gradient replaces non-finite entries by 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CorrelationAndFactor(KernelFamily family, double r2, out double factor)
    {
        switch (family)
        {
            case KernelFamily.SquaredExponential:
            {
                double k = Math.Exp(-0.5 * r2);
                factor = k;
                return k;
            }
            case KernelFamily.Matern12:
            {
                double r = Math.Sqrt(r2);
                double k = Math.Exp(-r);
                factor = r > 0.0 ? k / r : 0.0;
                return k;
            }
            case KernelFamily.Matern32:
            {
                double a = Sqrt3 * Math.Sqrt(r2);
                double e = Math.Exp(-a);
                factor = 3.0 * e;
                return (1.0 + a) * e;
            }
            default:
            {
                double a = Sqrt5 * Math.Sqrt(r2);
                double e = Math.Exp(-a);
                factor = (5.0 / 3.0) * (1.0 + a) * e;
                return (1.0 + a + (5.0 / 3.0) * r2) * e;
            }
        }
    }
}
