using System.Numerics;
using System.Runtime.InteropServices;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// One ridge regression per arm (disjoint linear model, Li et al. 2010): A_a = lambda I + sum x x^T, b_a = sum r x,
/// theta_a = A_a^-1 b_a. A_a^-1 is kept by Sherman-Morrison rank-one updates (O(d^2) per reward) and theta_a is
/// refreshed with it, so a decision costs O(K d^2) with no allocation. Flat row-major arrays, one block per arm.
/// x^T A^-1 x is one SIMD dot product of the flat block with the context's outer product x x^T, built once per
/// context (<see cref="SetContext"/>). Arms never updated still hold the prior block (I / lambda, theta = 0), so
/// callers may give all of them the prior's score (<see cref="IsPrior"/>).
/// </summary>
internal sealed class RidgeArmModels
{
    private readonly double[] _inverse;
    private readonly double[] _b;
    private readonly double[] _theta;
    private readonly double[] _u;
    private readonly double[] _outer;
    private readonly bool[] _updated;

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
        _outer = new double[dimension * dimension];
        _updated = new bool[arms];
        Clear();
    }

    public int Arms { get; }

    public int Dimension { get; }

    public double Lambda { get; }

    public ReadOnlySpan<double> Theta(int arm) => _theta.AsSpan(arm * Dimension, Dimension);

    public ReadOnlySpan<double> Inverse(int arm) => _inverse.AsSpan(arm * Dimension * Dimension, Dimension * Dimension);

    /// <summary>theta_a . x.</summary>
    public double Mean(int arm, ReadOnlySpan<double> x) => Dot(Theta(arm), x);

    /// <summary>True while <paramref name="arm"/> has had no update (its model is the prior).</summary>
    public bool IsPrior(int arm) => !_updated[arm];

    /// <summary>Stores the outer product x x^T of the context that <see cref="Quadratic(int)"/> then uses.</summary>
    public void SetContext(ReadOnlySpan<double> x)
    {
        int d = Dimension;
        for (int i = 0; i < d; i++)
        {
            double xi = x[i];
            var row = _outer.AsSpan(i * d, d);
            for (int j = 0; j < d; j++)
            {
                row[j] = xi * x[j];
            }
        }
    }

    /// <summary>x^T A_a^-1 x for the context of the last <see cref="SetContext"/> (the squared width of the confidence ellipsoid along x).</summary>
    public double Quadratic(int arm) => Dot(Inverse(arm), _outer);

    /// <summary>x^T A_a^-1 x.</summary>
    public double Quadratic(int arm, ReadOnlySpan<double> x)
    {
        SetContext(x);
        return Quadratic(arm);
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

        _updated[arm] = true;

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
        Array.Clear(_updated);
        for (int a = 0; a < Arms; a++)
        {
            for (int i = 0; i < d; i++)
            {
                _inverse[a * d * d + i * d + i] = 1.0 / Lambda;
            }
        }
    }

    /// <summary>SIMD dot product (four Vector&lt;double&gt; accumulators, then a scalar tail).</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..n]);
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
}
