using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Almab.Algorithms.Surrogates;

/// <summary>
/// Small SIMD building blocks of the Gaussian-process linear algebra: dot products and
/// squared distances over contiguous spans (no allocation, no LINQ).
/// </summary>
internal static class DenseKernels
{
    /// <summary>Sum of a[i] * b[i]; the spans must have equal length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length;
        double s = 0.0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b.Slice(0, n));
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            int m = va.Length;
            int k = 0;
            for (; k + 1 < m; k += 2)
            {
                acc0 += va[k] * vb[k];
                acc1 += va[k + 1] * vb[k + 1];
            }

            if (k < m)
            {
                acc0 += va[k] * vb[k];
            }

            s = Vector.Sum(acc0 + acc1);
            i = m * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>Squared Euclidean distance between two short (input-dimension) spans.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            double t = a[i] - b[i];
            s += t * t;
        }

        return s;
    }
}
