using System.Numerics;

namespace Almab.Algorithms.Surrogates.Neural;

/// <summary>The two dense kernels the MLP needs (y += a x and x . y), SIMD over <see cref="Vector{T}"/>.</summary>
internal static class VectorMath
{
    /// <summary>y += a * x.</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int i = 0, w = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && x.Length >= w)
        {
            var va = new Vector<double>(a);
            for (; i <= x.Length - w; i += w)
            {
                (new Vector<double>(y[i..]) + va * new Vector<double>(x[i..])).CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    /// <summary>x . y.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int i = 0, w = Vector<double>.Count;
        double s = 0.0;
        if (Vector.IsHardwareAccelerated && x.Length >= w)
        {
            var acc = Vector<double>.Zero;
            for (; i <= x.Length - w; i += w)
            {
                acc += new Vector<double>(x[i..]) * new Vector<double>(y[i..]);
            }

            s = Vector.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            s += x[i] * y[i];
        }

        return s;
    }
}
