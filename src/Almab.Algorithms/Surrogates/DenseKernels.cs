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

    /// <summary>
    /// Four dot products of <paramref name="x"/> with the first x.Length entries of y0..y3 in one pass, so
    /// each load of x serves four multiply-adds (the register blocking of the Cholesky, inverse and K^-1 loops).
    /// </summary>
    public static void Dot4(
        ReadOnlySpan<double> x, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1, ReadOnlySpan<double> y2,
        ReadOnlySpan<double> y3, out double s0, out double s1, out double s2, out double s3)
    {
        int n = x.Length;
        y0 = y0.Slice(0, n);
        y1 = y1.Slice(0, n);
        y2 = y2.Slice(0, n);
        y3 = y3.Slice(0, n);
        double t0 = 0.0, t1 = 0.0, t2 = 0.0, t3 = 0.0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var v0 = MemoryMarshal.Cast<double, Vector<double>>(y0);
            var v1 = MemoryMarshal.Cast<double, Vector<double>>(y1);
            var v2 = MemoryMarshal.Cast<double, Vector<double>>(y2);
            var v3 = MemoryMarshal.Cast<double, Vector<double>>(y3);
            var a0 = Vector<double>.Zero;
            var a1 = Vector<double>.Zero;
            var a2 = Vector<double>.Zero;
            var a3 = Vector<double>.Zero;
            int m = vx.Length;
            for (int k = 0; k < m; k++)
            {
                var xv = vx[k];
                a0 += xv * v0[k];
                a1 += xv * v1[k];
                a2 += xv * v2[k];
                a3 += xv * v3[k];
            }

            t0 = Vector.Sum(a0);
            t1 = Vector.Sum(a1);
            t2 = Vector.Sum(a2);
            t3 = Vector.Sum(a3);
            i = m * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            double xv = x[i];
            t0 += xv * y0[i];
            t1 += xv * y1[i];
            t2 += xv * y2[i];
            t3 += xv * y3[i];
        }

        s0 = t0;
        s1 = t1;
        s2 = t2;
        s3 = t3;
    }

    /// <summary>
    /// Eight dot products, x0 and x1 each with y0..y3 (first x0.Length entries; x1 as long as x0), in one
    /// pass: six loads per eight multiply-adds instead of sixteen (2 x 4 register blocking).
    /// </summary>
    public static void Dot2x4(
        ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1,
        ReadOnlySpan<double> y2, ReadOnlySpan<double> y3, Span<double> sums)
    {
        int n = x0.Length;
        x1 = x1.Slice(0, n);
        y0 = y0.Slice(0, n);
        y1 = y1.Slice(0, n);
        y2 = y2.Slice(0, n);
        y3 = y3.Slice(0, n);
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(x0);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(x1);
            var v0 = MemoryMarshal.Cast<double, Vector<double>>(y0);
            var v1 = MemoryMarshal.Cast<double, Vector<double>>(y1);
            var v2 = MemoryMarshal.Cast<double, Vector<double>>(y2);
            var v3 = MemoryMarshal.Cast<double, Vector<double>>(y3);
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector<double> b0 = default, b1 = default, b2 = default, b3 = default;
            int m = va.Length;
            for (int k = 0; k < m; k++)
            {
                var xa = va[k];
                var xb = vb[k];
                var w0 = v0[k];
                var w1 = v1[k];
                var w2 = v2[k];
                var w3 = v3[k];
                a0 += xa * w0;
                a1 += xa * w1;
                a2 += xa * w2;
                a3 += xa * w3;
                b0 += xb * w0;
                b1 += xb * w1;
                b2 += xb * w2;
                b3 += xb * w3;
            }

            p0 = Vector.Sum(a0);
            p1 = Vector.Sum(a1);
            p2 = Vector.Sum(a2);
            p3 = Vector.Sum(a3);
            q0 = Vector.Sum(b0);
            q1 = Vector.Sum(b1);
            q2 = Vector.Sum(b2);
            q3 = Vector.Sum(b3);
            i = m * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            double xa = x0[i], xb = x1[i];
            p0 += xa * y0[i];
            p1 += xa * y1[i];
            p2 += xa * y2[i];
            p3 += xa * y3[i];
            q0 += xb * y0[i];
            q1 += xb * y1[i];
            q2 += xb * y2[i];
            q3 += xb * y3[i];
        }

        sums[0] = p0;
        sums[1] = p1;
        sums[2] = p2;
        sums[3] = p3;
        sums[4] = q0;
        sums[5] = q1;
        sums[6] = q2;
        sums[7] = q3;
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
