using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// The scoring passes of <see cref="RidgeArmModels"/> over one group of eight interleaved arms (one Vector512 per
/// model element): chains of fused multiply-adds with broadcast weights. Lane r only sees arm r's numbers and the
/// shared weights, so equal models give bit-equal results in any lane or group; both forms compute theta . x by the
/// same chain, so they differ only in x^T A^-1 x, at rounding level.
/// </summary>
internal static class RidgeKernels
{
    /// <summary>
    /// Dense form: <paramref name="block"/> holds the triangle's <paramref name="triangle"/> vectors then theta's d;
    /// weights are x (d numbers) then the triangle's weights.
    /// </summary>
    public static (Vector512<double> Mean, Vector512<double> Quadratic) Dense(ReadOnlySpan<double> block, int triangle, ReadOnlySpan<double> weights, int d)
    {
        // Bounds: checked once here (slices), not per load.
        var vs = MemoryMarshal.Cast<double, Vector512<double>>(block)[..(triangle + d)];
        var ws = weights[..(d + triangle)];
        ref Vector512<double> v = ref MemoryMarshal.GetReference(vs);
        ref double w = ref Unsafe.Add(ref MemoryMarshal.GetReference(ws), d);
        int n = triangle, e = 0;
        Vector512<double> q0 = Vector512<double>.Zero, q1 = q0, q2 = q0, q3 = q0;
        for (; e + 3 < n; e += 4)
        {
            q0 = Vector512.FusedMultiplyAdd(Unsafe.Add(ref v, e), Vector512.Create(Unsafe.Add(ref w, e)), q0);
            q1 = Vector512.FusedMultiplyAdd(Unsafe.Add(ref v, e + 1), Vector512.Create(Unsafe.Add(ref w, e + 1)), q1);
            q2 = Vector512.FusedMultiplyAdd(Unsafe.Add(ref v, e + 2), Vector512.Create(Unsafe.Add(ref w, e + 2)), q2);
            q3 = Vector512.FusedMultiplyAdd(Unsafe.Add(ref v, e + 3), Vector512.Create(Unsafe.Add(ref w, e + 3)), q3);
        }

        for (; e < n; e++)
        {
            q0 = Vector512.FusedMultiplyAdd(Unsafe.Add(ref v, e), Vector512.Create(Unsafe.Add(ref w, e)), q0);
        }

        // theta last: the block is read front to back, which keeps the hardware prefetchers streaming.
        return (Dot2(vs[triangle..], ws, d), (q0 + q1) + (q2 + q3));
    }

    /// <summary>
    /// Woodbury form: <paramref name="head"/> holds theta's d vectors then column 0's d, <paramref name="columns"/>
    /// columns 1.. (d vectors each, <paramref name="plane"/> doubles apart), <paramref name="rank"/> columns in all (a
    /// lane's unused columns are zero); x^T A^-1 x = <paramref name="prior"/> (the prior's x^T x / lambda) minus the
    /// sum of the squared column products, in column order (exactly the prior's value for a never-updated arm).
    /// </summary>
    public static (Vector512<double> Mean, Vector512<double> Quadratic) LowRank(ReadOnlySpan<double> head, ReadOnlySpan<double> columns, int plane, int rank, ReadOnlySpan<double> weights, int d, Vector512<double> prior)
    {
        var vs = MemoryMarshal.Cast<double, Vector512<double>>(head)[..(2 * d)];
        var x = weights[..d];
        var mean = Dot2(vs, x, d);
        var squares = Vector512<double>.Zero;
        if (rank > 0)
        {
            var p = Dot2(vs[d..], x, d);
            squares = Vector512.FusedMultiplyAdd(p, p, squares);
        }

        for (int k = 1; k < rank; k++)
        {
            var p = Dot2(MemoryMarshal.Cast<double, Vector512<double>>(columns.Slice((k - 1) * plane, d * 8)), x, d);
            squares = Vector512.FusedMultiplyAdd(p, p, squares);
        }

        return (mean, prior - squares);
    }

    /// <summary>
    /// Bound form (<see cref="RidgeBounds"/>): <paramref name="block"/> holds theta's d vectors, w = M 1's d, then S, mu
    /// and kappa R; <paramref name="scalars"/> are 2c, c^2, |x - c 1|^2 and |x|^2. Returns theta . x (the same chain as
    /// the other forms, so bit-equal for the same theta) and 2c w . x - c^2 S + mu |x - c 1|^2 + kappa R |x|^2 (+inf
    /// where that is NaN).
    /// </summary>
    public static (Vector512<double> Mean, Vector512<double> Quadratic) Bound(ReadOnlySpan<double> block, ReadOnlySpan<double> x, int d, ReadOnlySpan<double> scalars)
    {
        var vs = MemoryMarshal.Cast<double, Vector512<double>>(block)[..(2 * d + 3)];
        var mean = Dot2(vs, x, d);
        var p = Dot2(vs[d..], x, d);
        var q = Vector512.FusedMultiplyAdd(vs[2 * d + 2], Vector512.Create(scalars[3]), -(Vector512.Create(scalars[1]) * vs[2 * d]));
        q = Vector512.FusedMultiplyAdd(vs[2 * d + 1], Vector512.Create(scalars[2]), q);
        q = Vector512.FusedMultiplyAdd(Vector512.Create(scalars[0]), p, q);
        // NaN (mu = +inf times |x - c 1|^2 = 0) bounds nothing: +inf, so such an arm is always scored exactly.
        return (mean, Vector512.ConditionalSelect(Vector512.Equals(q, q), q, Vector512.Create(double.PositiveInfinity)));
    }

    /// <summary>sum_e v_e w_e over the first <paramref name="d"/> vectors, in two alternating chains.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Dot2(ReadOnlySpan<Vector512<double>> vs, ReadOnlySpan<double> ws, int d)
    {
        vs = vs[..d];
        ws = ws[..d];
        ref Vector512<double> v = ref MemoryMarshal.GetReference(vs);
        ref double w = ref MemoryMarshal.GetReference(ws);
        Vector512<double> m0 = Vector512<double>.Zero, m1 = m0;
        int e = 0;
        for (; e + 1 < d; e += 2)
        {
            m0 = Vector512.FusedMultiplyAdd(Unsafe.Add(ref v, e), Vector512.Create(Unsafe.Add(ref w, e)), m0);
            m1 = Vector512.FusedMultiplyAdd(Unsafe.Add(ref v, e + 1), Vector512.Create(Unsafe.Add(ref w, e + 1)), m1);
        }

        if (e < d)
        {
            m0 = Vector512.FusedMultiplyAdd(Unsafe.Add(ref v, e), Vector512.Create(Unsafe.Add(ref w, e)), m0);
        }

        return m0 + m1;
    }
}
