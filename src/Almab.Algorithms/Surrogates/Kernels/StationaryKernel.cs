using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// Overwrites each squared scaled distance in <paramref name="values"/> with <paramref name="scale"/> times its
    /// correlation. Four values at a time through <see cref="Vector256.Exp(Vector256{double})"/>; the tail goes through
    /// the same vector code on a padded copy, so a value's result does not depend on its position or on the span's
    /// length (results are reproducible whatever the batch). Far pairs underflow to 0 without libm's error path,
    /// which made scalar <see cref="Math.Exp"/> the largest single cost of GP prediction.
    /// </summary>
    public static void Correlations(KernelFamily family, Span<double> values, double scale = 1.0)
    {
        var v = MemoryMarshal.Cast<double, Vector256<double>>(values);
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = Correlation4(family, v[i]) * scale;
        }

        int done = v.Length * 4;
        if (done < values.Length)
        {
            Span<double> pad = stackalloc double[4];
            pad.Clear();
            values[done..].CopyTo(pad);
            var k = Correlation4(family, Vector256.Create<double>(pad)) * scale;
            for (int j = 0; done + j < values.Length; j++)
            {
                values[done + j] = k[j];
            }
        }
    }

    /// <summary>
    /// Overwrites each squared distance in <paramref name="values"/> with its correlation and writes the length-scale
    /// derivative factor h(r) to <paramref name="factors"/> (same length), where
    /// d k / d log l_j = h(r) * ((x_j - x'_j) / l_j)^2 (signal variance 1). For Matérn 1/2, h = exp(-r) / r, undefined
    /// at r = 0, is set to 0 there, as scikit-learn does (its gradient replaces non-finite entries by 0).
    /// Vectorized like <see cref="Correlations"/>.
    /// </summary>
    public static void CorrelationsAndFactors(KernelFamily family, Span<double> values, Span<double> factors)
    {
        if (factors.Length < values.Length)
        {
            throw new ArgumentException("factors must be at least as long as values.", nameof(factors));
        }

        var v = MemoryMarshal.Cast<double, Vector256<double>>(values);
        var f = MemoryMarshal.Cast<double, Vector256<double>>(factors[..values.Length]);
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = CorrelationAndFactor4(family, v[i], out f[i]);
        }

        int done = v.Length * 4;
        if (done < values.Length)
        {
            Span<double> pad = stackalloc double[4];
            pad.Clear();
            values[done..].CopyTo(pad);
            var k = CorrelationAndFactor4(family, Vector256.Create<double>(pad), out var h);
            for (int j = 0; done + j < values.Length; j++)
            {
                values[done + j] = k[j];
                factors[done + j] = h[j];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Correlation4(KernelFamily family, Vector256<double> r2)
    {
        switch (family)
        {
            case KernelFamily.SquaredExponential:
                return NegExp(r2 * 0.5);
            case KernelFamily.Matern12:
                return NegExp(Vector256.Sqrt(r2));
            case KernelFamily.Matern32:
            {
                var a = Vector256.Sqrt(r2) * Sqrt3;
                return (Vector256<double>.One + a) * NegExp(a);
            }
            default:
            {
                var a = Vector256.Sqrt(r2) * Sqrt5;
                return (Vector256<double>.One + a + r2 * (5.0 / 3.0)) * NegExp(a);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> CorrelationAndFactor4(KernelFamily family, Vector256<double> r2, out Vector256<double> factor)
    {
        switch (family)
        {
            case KernelFamily.SquaredExponential:
            {
                var k = NegExp(r2 * 0.5);
                factor = k;
                return k;
            }
            case KernelFamily.Matern12:
            {
                var r = Vector256.Sqrt(r2);
                var k = NegExp(r);
                // h = exp(-r) / r, set to 0 at r = 0 (as the scalar form and scikit-learn do).
                factor = Vector256.ConditionalSelect(Vector256.GreaterThan(r, Vector256<double>.Zero), k / r, Vector256<double>.Zero);
                return k;
            }
            case KernelFamily.Matern32:
            {
                var a = Vector256.Sqrt(r2) * Sqrt3;
                var e = NegExp(a);
                factor = e * 3.0;
                return (Vector256<double>.One + a) * e;
            }
            default:
            {
                var a = Vector256.Sqrt(r2) * Sqrt5;
                var e = NegExp(a);
                factor = (Vector256<double>.One + a) * e * (5.0 / 3.0);
                return (Vector256<double>.One + a + r2 * (5.0 / 3.0)) * e;
            }
        }
    }

    /// <summary>
    /// exp(-x) for x &gt;= 0, with arguments past 700 (results below 1e-304, far under any covariance that matters)
    /// set to exactly 0: <see cref="Vector256.Exp(Vector256{double})"/> hands a whole vector to scalar libm as soon as
    /// one lane would underflow, and libm's underflow path (errno, xflow) is slow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> NegExp(Vector256<double> x)
    {
        var limit = Vector256.Create(700.0);
        var far = Vector256.GreaterThan(x, limit);
        return Vector256.AndNot(Vector256.Exp(-Vector256.Min(x, limit)), far);
    }
}
