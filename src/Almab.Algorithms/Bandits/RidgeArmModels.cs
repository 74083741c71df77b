using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// One ridge regression per arm (disjoint linear model, Li et al. 2010): A_a = lambda I + sum x x^T, b_a = sum r x,
/// theta_a = A_a^-1 b_a. A_a^-1 is kept by Sherman-Morrison rank-one updates (O(d^2) per reward) and theta_a is
/// refreshed with it, so a decision costs O(K d^2) with no allocation. A_a^-1 is symmetric, so only its upper triangle
/// is stored (d(d+1)/2 numbers, row by row) after theta_a: E = d + d(d+1)/2 numbers per arm. Arms are interleaved in
/// groups of eight (element e of the eight arms of a group is one 64-byte Vector512), so one pass over a group's
/// E vectors with broadcast weights (x for theta, x_i^2 and 2 x_i x_j for the triangle, <see cref="SetContext"/>)
/// gives the eight arms' theta . x and x^T A^-1 x in the lanes, with no horizontal sums. Arms never updated still hold
/// the prior (I / lambda, theta = 0), so callers may give all of them the prior's score (<see cref="IsPrior"/>,
/// <see cref="PriorGroup"/>); every lane is computed by the same operations, so equal models give equal scores.
/// </summary>
internal sealed class RidgeArmModels
{
    private const int Lanes = 8;
    private readonly double[] _model;
    private readonly int _base;
    private readonly double[] _prior;
    private readonly double[] _theta;
    private readonly double[] _b;
    private readonly double[] _u;
    private readonly double[] _weights;
    private readonly bool[] _updated;
    private readonly int _elements;

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
        Groups = (arms + Lanes - 1) / Lanes;
        _elements = dimension + dimension * (dimension + 1) / 2;
        long length = (long)Groups * _elements * Lanes + Lanes;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(arms), arms, "arms x model size exceeds an array.");
        }

        // Pinned (never moved), so the offset that puts every group vector on a 64-byte boundary stays valid.
        _model = GC.AllocateArray<double>((int)length, pinned: true);
        var handle = GCHandle.Alloc(_model, GCHandleType.Pinned);
        _base = (int)((64 - (handle.AddrOfPinnedObject() & 63)) & 63) / sizeof(double);
        handle.Free();

        _prior = new double[_elements * Lanes];
        _theta = new double[arms * dimension];
        _b = new double[arms * dimension];
        _u = new double[dimension];
        _weights = new double[_elements];
        _updated = new bool[Groups * Lanes];
        for (int r = 0; r < Lanes; r++)
        {
            for (int i = 0; i < dimension; i++)
            {
                _prior[(dimension + RowStart(i)) * Lanes + r] = 1.0 / lambda;
            }
        }

        Clear();
    }

    public int Arms { get; }

    public int Dimension { get; }

    public double Lambda { get; }

    /// <summary>Groups of eight arms (the last one padded with prior models that callers ignore).</summary>
    public int Groups { get; }

    public ReadOnlySpan<double> Theta(int arm) => _theta.AsSpan(arm * Dimension, Dimension);

    /// <summary>(A_a^-1)_ij for any i, j (the stored triangle holds j &gt;= i).</summary>
    public double InverseEntry(int arm, int i, int j)
    {
        if (i > j)
        {
            (i, j) = (j, i);
        }

        return _model[Element(arm, Dimension + RowStart(i) + j - i)];
    }

    /// <summary>True while <paramref name="arm"/> has had no update (its model is the prior).</summary>
    public bool IsPrior(int arm) => !_updated[arm];

    /// <summary>True while all eight arms of group <paramref name="g"/> hold the prior.</summary>
    public bool IsPriorGroup(int g) => MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(_updated.AsSpan(g * Lanes, Lanes))) == 0;

    /// <summary>Stores the broadcast weights of context x (x, then x_i^2 on the diagonal and 2 x_i x_j above it).</summary>
    public void SetContext(ReadOnlySpan<double> x)
    {
        int d = Dimension, o = d;
        x[..d].CopyTo(_weights);
        for (int i = 0; i < d; i++)
        {
            double xi = x[i];
            _weights[o++] = xi * xi;
            for (int j = i + 1; j < d; j++)
            {
                _weights[o++] = 2.0 * (xi * x[j]);
            }
        }
    }

    /// <summary>theta . x and x^T A^-1 x of the eight arms of group <paramref name="g"/> for the last <see cref="SetContext"/>.</summary>
    public (Vector512<double> Mean, Vector512<double> Quadratic) Group(int g) =>
        Kernel(_model.AsSpan(_base + g * _elements * Lanes, _elements * Lanes));

    /// <summary>The same for eight prior models (every lane equals a never-updated arm's values).</summary>
    public (Vector512<double> Mean, Vector512<double> Quadratic) PriorGroup() => Kernel(_prior);

    /// <summary>theta_a . x for the last <see cref="SetContext"/>.</summary>
    public double Mean(int arm) => Group(arm / Lanes).Mean.GetElement(arm % Lanes);

    /// <summary>x^T A_a^-1 x for the last <see cref="SetContext"/> (the squared width of the confidence ellipsoid along x).</summary>
    public double Quadratic(int arm) => Group(arm / Lanes).Quadratic.GetElement(arm % Lanes);

    public void Update(int arm, ReadOnlySpan<double> x, double reward)
    {
        int d = Dimension, at = Element(arm, d);
        SymmetricTimes(at, x, _u);
        double denom = 1.0;
        for (int i = 0; i < d; i++)
        {
            denom += _u[i] * x[i];
        }

        for (int i = 0, o = 0; i < d; o += d - i, i++)
        {
            double ui = _u[i] / denom;
            for (int j = i; j < d; j++)
            {
                _model[at + (o + j - i) * Lanes] -= ui * _u[j];
            }
        }

        var b = _b.AsSpan(arm * d, d);
        for (int i = 0; i < d; i++)
        {
            b[i] += reward * x[i];
        }

        _updated[arm] = true;
        var theta = _theta.AsSpan(arm * d, d);
        SymmetricTimes(at, b, theta);
        for (int i = 0; i < d; i++)
        {
            _model[Element(arm, i)] = theta[i];
        }
    }

    public void Clear()
    {
        Array.Clear(_theta);
        Array.Clear(_b);
        Array.Clear(_updated);
        for (int g = 0; g < Groups; g++)
        {
            _prior.CopyTo(_model.AsSpan(_base + g * _elements * Lanes, _elements * Lanes));
        }
    }

    /// <summary>Offset of row i of the packed upper triangle (entries (i, i..d-1)).</summary>
    private int RowStart(int i) => i * Dimension - i * (i - 1) / 2;

    /// <summary>Index in _model of element e (theta first, then the triangle) of <paramref name="arm"/>.</summary>
    private int Element(int arm, int e) => _base + ((arm / Lanes) * _elements + e) * Lanes + arm % Lanes;

    /// <summary>
    /// Four chains of fused multiply-adds over the group's element vectors (theta's in two): lane r only sees arm r's
    /// numbers and the shared weights, so equal models give bit-equal results in any lane or group.
    /// </summary>
    private (Vector512<double> Mean, Vector512<double> Quadratic) Kernel(ReadOnlySpan<double> block)
    {
        // Bounds: block holds _elements vectors and _weights _elements numbers (checked once here, not per load).
        var vs = MemoryMarshal.Cast<double, Vector512<double>>(block)[.._elements];
        var ws = _weights.AsSpan(0, _elements);
        ref Vector512<double> v = ref MemoryMarshal.GetReference(vs);
        ref double w = ref MemoryMarshal.GetReference(ws);
        int d = Dimension, n = _elements, e = 0;
        Vector512<double> m0 = Vector512<double>.Zero, m1 = m0;
        for (; e + 1 < d; e += 2)
        {
            m0 = Vector512.FusedMultiplyAdd(Unsafe.Add(ref v, e), Vector512.Create(Unsafe.Add(ref w, e)), m0);
            m1 = Vector512.FusedMultiplyAdd(Unsafe.Add(ref v, e + 1), Vector512.Create(Unsafe.Add(ref w, e + 1)), m1);
        }

        if (e < d)
        {
            m0 = Vector512.FusedMultiplyAdd(Unsafe.Add(ref v, e), Vector512.Create(Unsafe.Add(ref w, e)), m0);
            e++;
        }

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

        return (m0 + m1, (q0 + q1) + (q2 + q3));
    }

    /// <summary>y = M v for the symmetric M whose upper triangle starts at element index <paramref name="at"/> (stride eight).</summary>
    private void SymmetricTimes(int at, ReadOnlySpan<double> v, Span<double> y)
    {
        int d = Dimension;
        y[..d].Clear();
        for (int i = 0, o = 0; i < d; o += d - i, i++)
        {
            double vi = v[i], acc = y[i] + _model[at + o * Lanes] * vi;
            for (int j = i + 1; j < d; j++)
            {
                double a = _model[at + (o + j - i) * Lanes];
                acc += a * v[j];
                y[j] += a * vi;
            }

            y[i] = acc;
        }
    }
}
