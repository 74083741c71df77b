using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// One ridge regression per arm (disjoint linear model, Li et al. 2010): A_a = lambda I + sum x x^T, b_a = sum r x,
/// theta_a = A_a^-1 b_a. A_a^-1 is kept by Sherman-Morrison rank-one updates (O(d^2) per reward) and theta_a is
/// refreshed with it, so a decision costs O(K d^2) with no allocation. A_a^-1 is symmetric, so only its upper triangle
/// is stored (d(d+1)/2 numbers, row by row), right after theta_a in one contiguous block per arm: a decision streams
/// K (d + d(d+1)/2) doubles instead of K (d + d^2). x^T A^-1 x is one SIMD dot product of the packed triangle with
/// the packed weights x_i^2 (diagonal) and 2 x_i x_j (above it), built once per context (<see cref="SetContext"/>).
/// Arms never updated still hold the prior block (I / lambda, theta = 0), so callers may give all of them the prior's
/// score (<see cref="IsPrior"/>).
/// </summary>
internal sealed class RidgeArmModels
{
    private readonly double[] _model;
    private readonly double[] _b;
    private readonly double[] _u;
    private readonly double[] _weights;
    private readonly double[] _meanWeights;
    private readonly double[] _quadWeights;
    private readonly bool[] _updated;
    private readonly int _packed;
    private readonly int _stride;

    public RidgeArmModels(int arms, int dimension, double lambda)
    {
        BanditGuard.Arms(arms);
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "context dimension d must be >= 1.");
        }

        if (!(lambda > 0) || double.IsInfinity(lambda))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, $"ridge lambda must be finite and > 0, got {lambda}.");
        }

        Arms = arms;
        Dimension = dimension;
        Lambda = lambda;
        _packed = dimension * (dimension + 1) / 2;
        _stride = (dimension + _packed + 7) & ~7; // whole cache lines per arm when the array starts on one
        _model = new double[(long)arms * _stride <= Array.MaxLength ? arms * _stride : throw new ArgumentOutOfRangeException(nameof(arms), arms, "arms x model size exceeds an array.")];
        _b = new double[arms * dimension];
        _u = new double[dimension];
        _weights = new double[_packed];
        _meanWeights = new double[_stride];
        _quadWeights = new double[_stride];
        _updated = new bool[arms];
        Clear();
    }

    public int Arms { get; }

    public int Dimension { get; }

    public double Lambda { get; }

    public ReadOnlySpan<double> Theta(int arm) => _model.AsSpan(arm * _stride, Dimension);

    /// <summary>(A_a^-1)_ij for any i, j (the stored triangle holds j &gt;= i).</summary>
    public double InverseEntry(int arm, int i, int j)
    {
        if (i > j)
        {
            (i, j) = (j, i);
        }

        return Packed(arm)[RowStart(i) + j - i];
    }

    /// <summary>theta_a . x.</summary>
    public double Mean(int arm, ReadOnlySpan<double> x) => Dot(Theta(arm), x);

    /// <summary>True while <paramref name="arm"/> has had no update (its model is the prior).</summary>
    public bool IsPrior(int arm) => !_updated[arm];

    /// <summary>Stores the packed weights of x x^T that <see cref="Quadratic(int)"/> and <see cref="MeanAndQuadratic"/> then use.</summary>
    public void SetContext(ReadOnlySpan<double> x)
    {
        int d = Dimension, o = 0;
        for (int i = 0; i < d; i++)
        {
            double xi = x[i];
            _weights[o++] = xi * xi;
            for (int j = i + 1; j < d; j++)
            {
                _weights[o++] = 2.0 * (xi * x[j]);
            }
        }

        // The same weights laid out like an arm's block (theta, then the triangle), zero elsewhere.
        x[..d].CopyTo(_meanWeights);
        _weights.CopyTo(_quadWeights.AsSpan(d));
    }

    /// <summary>
    /// theta_a . x and x^T A_a^-1 x for the context of the last <see cref="SetContext"/> in one pass over the arm's
    /// block (Vector512 fused multiply-adds where available; otherwise <see cref="Mean"/> and <see cref="Quadratic(int)"/>).
    /// </summary>
    public (double Mean, double Quadratic) MeanAndQuadratic(int arm)
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return (Dot(Theta(arm), _meanWeights.AsSpan(0, Dimension)), Quadratic(arm));
        }

        const int L = 8; // Vector512<double>.Count
        var block = MemoryMarshal.Cast<double, Vector512<double>>(_model.AsSpan(arm * _stride, _stride));
        var wm = MemoryMarshal.Cast<double, Vector512<double>>(_meanWeights.AsSpan());
        var wq = MemoryMarshal.Cast<double, Vector512<double>>(_quadWeights.AsSpan());
        int meanEnd = (Dimension + L - 1) / L, quadStart = Dimension / L, k;
        var m = Vector512<double>.Zero;
        for (k = 0; k < meanEnd; k++)
        {
            m = Vector512.FusedMultiplyAdd(block[k], wm[k], m);
        }

        Vector512<double> q0 = Vector512<double>.Zero, q1 = q0, q2 = q0, q3 = q0;
        for (k = quadStart; k <= block.Length - 4; k += 4)
        {
            q0 = Vector512.FusedMultiplyAdd(block[k], wq[k], q0);
            q1 = Vector512.FusedMultiplyAdd(block[k + 1], wq[k + 1], q1);
            q2 = Vector512.FusedMultiplyAdd(block[k + 2], wq[k + 2], q2);
            q3 = Vector512.FusedMultiplyAdd(block[k + 3], wq[k + 3], q3);
        }

        for (; k < block.Length; k++)
        {
            q0 = Vector512.FusedMultiplyAdd(block[k], wq[k], q0);
        }

        return (Vector512.Sum(m), Vector512.Sum((q0 + q1) + (q2 + q3)));
    }

    /// <summary>x^T A_a^-1 x for the context of the last <see cref="SetContext"/> (the squared width of the confidence ellipsoid along x).</summary>
    public double Quadratic(int arm) => Dot(Packed(arm), _weights);

    /// <summary>x^T A_a^-1 x.</summary>
    public double Quadratic(int arm, ReadOnlySpan<double> x)
    {
        SetContext(x);
        return Quadratic(arm);
    }

    public void Update(int arm, ReadOnlySpan<double> x, double reward)
    {
        int d = Dimension;
        var p = Packed(arm);
        SymmetricTimes(p, x, _u);
        double denom = 1.0 + Dot(_u, x);
        for (int i = 0, o = 0; i < d; o += d - i, i++)
        {
            double ui = _u[i] / denom;
            var row = p.Slice(o, d - i);
            for (int j = 0; j < row.Length; j++)
            {
                row[j] -= ui * _u[i + j];
            }
        }

        var b = _b.AsSpan(arm * d, d);
        for (int i = 0; i < d; i++)
        {
            b[i] += reward * x[i];
        }

        _updated[arm] = true;
        SymmetricTimes(p, b, _model.AsSpan(arm * _stride, d));
    }

    public void Clear()
    {
        int d = Dimension;
        Array.Clear(_model);
        Array.Clear(_b);
        Array.Clear(_updated);
        for (int a = 0; a < Arms; a++)
        {
            var p = Packed(a);
            for (int i = 0; i < d; i++)
            {
                p[RowStart(i)] = 1.0 / Lambda;
            }
        }
    }

    /// <summary>SIMD dot product (four accumulators of Vector512 fused multiply-adds, or Vector&lt;double&gt;, then a scalar tail).</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, i = 0;
        double sum = 0;
        b = b[..n];
        if (Vector512.IsHardwareAccelerated && n >= Vector512<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector512<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector512<double>>(b);
            Vector512<double> acc0 = Vector512<double>.Zero, acc1 = acc0, acc2 = acc0, acc3 = acc0;
            int k = 0;
            for (; k <= va.Length - 4; k += 4)
            {
                acc0 = Vector512.FusedMultiplyAdd(va[k], vb[k], acc0);
                acc1 = Vector512.FusedMultiplyAdd(va[k + 1], vb[k + 1], acc1);
                acc2 = Vector512.FusedMultiplyAdd(va[k + 2], vb[k + 2], acc2);
                acc3 = Vector512.FusedMultiplyAdd(va[k + 3], vb[k + 3], acc3);
            }

            for (; k < va.Length; k++)
            {
                acc0 = Vector512.FusedMultiplyAdd(va[k], vb[k], acc0);
            }

            sum = Vector512.Sum((acc0 + acc1) + (acc2 + acc3));
            i = va.Length * Vector512<double>.Count;
        }
        else if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            Vector<double> acc0 = Vector<double>.Zero, acc1 = acc0, acc2 = acc0, acc3 = acc0;
            int k = 0;
            for (; k <= va.Length - 4; k += 4)
            {
                acc0 += va[k] * vb[k];
                acc1 += va[k + 1] * vb[k + 1];
                acc2 += va[k + 2] * vb[k + 2];
                acc3 += va[k + 3] * vb[k + 3];
            }

            for (; k < va.Length; k++)
            {
                acc0 += va[k] * vb[k];
            }

            sum = Vector.Sum((acc0 + acc1) + (acc2 + acc3));
            i = va.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private Span<double> Packed(int arm) => _model.AsSpan(arm * _stride + Dimension, _packed);

    /// <summary>Offset of row i of the packed upper triangle (entries (i, i..d-1)).</summary>
    private int RowStart(int i) => i * Dimension - i * (i - 1) / 2;

    /// <summary>y = M v for the symmetric M whose upper triangle is <paramref name="packed"/>.</summary>
    private void SymmetricTimes(ReadOnlySpan<double> packed, ReadOnlySpan<double> v, Span<double> y)
    {
        int d = Dimension;
        y[..d].Clear();
        for (int i = 0, o = 0; i < d; o += d - i, i++)
        {
            var row = packed.Slice(o, d - i);
            double vi = v[i], acc = y[i] + row[0] * vi;
            for (int j = 1; j < row.Length; j++)
            {
                acc += row[j] * v[i + j];
                y[i + j] += row[j] * vi;
            }

            y[i] = acc;
        }
    }
}
