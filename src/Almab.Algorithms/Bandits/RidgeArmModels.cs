using System.Numerics;
using System.Runtime.InteropServices;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// One ridge regression per arm (disjoint linear model, Li et al. 2010): A_a = lambda I + sum x x^T, b_a = sum r x,
/// theta_a = A_a^-1 b_a. A_a^-1 is kept by Sherman-Morrison rank-one updates (O(d^2) per reward) and theta_a is
/// refreshed with it, so a decision costs O(K d^2) with no allocation. Flat row-major arrays, one block per arm.
/// </summary>
internal sealed class RidgeArmModels
{
    private readonly double[] _inverse;
    private readonly double[] _b;
    private readonly double[] _theta;
    private readonly double[] _u;

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
        _inverse = new double[arms * dimension * dimension];
        _b = new double[arms * dimension];
        _theta = new double[arms * dimension];
        _u = new double[dimension];
        Clear();
    }

    public int Arms { get; }

    public int Dimension { get; }

    public double Lambda { get; }

    public ReadOnlySpan<double> Theta(int arm) => _theta.AsSpan(arm * Dimension, Dimension);

    public ReadOnlySpan<double> Inverse(int arm) => _inverse.AsSpan(arm * Dimension * Dimension, Dimension * Dimension);

    /// <summary>theta_a . x.</summary>
    public double Mean(int arm, ReadOnlySpan<double> x) => Dot(Theta(arm), x);

    /// <summary>x^T A_a^-1 x (the squared width of the confidence ellipsoid along x).</summary>
    public double Quadratic(int arm, ReadOnlySpan<double> x)
    {
        int d = Dimension;
        var inv = Inverse(arm);
        double q = 0;
        for (int i = 0; i < d; i++)
        {
            q += x[i] * Dot(inv.Slice(i * d, d), x);
        }

        return q;
    }

    public void Update(int arm, ReadOnlySpan<double> x, double reward)
    {
        int d = Dimension;
        var inv = _inverse.AsSpan(arm * d * d, d * d);
        for (int i = 0; i < d; i++)
        {
            _u[i] = Dot(inv.Slice(i * d, d), x);
        }

        double denom = 1.0 + Dot(_u, x);
        for (int i = 0; i < d; i++)
        {
            double ui = _u[i] / denom;
            var row = inv.Slice(i * d, d);
            for (int j = 0; j < d; j++)
            {
                row[j] -= ui * _u[j];
            }
        }

        var b = _b.AsSpan(arm * d, d);
        for (int i = 0; i < d; i++)
        {
            b[i] += reward * x[i];
        }

        var theta = _theta.AsSpan(arm * d, d);
        for (int i = 0; i < d; i++)
        {
            theta[i] = Dot(inv.Slice(i * d, d), b);
        }
    }

    public void Clear()
    {
        int d = Dimension;
        Array.Clear(_inverse);
        Array.Clear(_b);
        Array.Clear(_theta);
        for (int a = 0; a < Arms; a++)
        {
            for (int i = 0; i < d; i++)
            {
                _inverse[a * d * d + i * d + i] = 1.0 / Lambda;
            }
        }
    }

    /// <summary>SIMD dot product (Vector&lt;double&gt; lanes, then a scalar tail).</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..n]);
            var acc = Vector<double>.Zero;
            for (int k = 0; k < va.Length; k++)
            {
                acc += va[k] * vb[k];
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
