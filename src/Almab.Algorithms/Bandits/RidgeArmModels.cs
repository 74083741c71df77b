using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// One ridge regression per arm (disjoint linear model, Li et al. 2010): A_a = lambda I + sum x x^T, b_a = sum r x,
/// theta_a = A_a^-1 b_a. A_a^-1 is kept by Sherman-Morrison rank-one updates (O(d^2) per reward) and theta_a is
/// refreshed with it, so a decision costs O(K d^2) with no allocation. A_a^-1 is symmetric, so only its upper triangle
/// is stored (T = d(d+1)/2 numbers, row by row), then theta_a (d numbers). Arms are interleaved in groups of eight
/// (element e of the eight arms of a group is one 64-byte Vector512), so one pass over a group's vectors with
/// broadcast weights (x for theta, x_i^2 and 2 x_i x_j for the triangle, <see cref="SetContext"/>) gives the eight
/// arms' theta . x and x^T A^-1 x in the lanes, with no horizontal sums.
/// Low-rank scoring (Woodbury): after n_a &lt; d updates A_a^-1 = I / lambda - sum_k c_k c_k^T with
/// c_k = A_(k)^-1 x_k / sqrt(1 + x_k^T A_(k)^-1 x_k), the Sherman-Morrison terms (A_(k) before update k). The first
/// <see cref="MaxRank"/> columns c_k of each arm are stored in separate regions (a copy of theta with column 0, then
/// one plane per column), so while every arm of a group has at most
/// r &lt;= MaxRank updates, x^T A^-1 x = |x|^2 / lambda - sum_k (c_k . x)^2 costs r d reads instead of T. The dense
/// triangle is always maintained by the same updates, so a group past MaxRank scores exactly as without the columns.
/// |x|^2 / lambda is taken as the prior's dense value (<see cref="PriorGroup"/>), so arms never updated score
/// bit-equal in either form and callers may give all of them the prior's score (<see cref="IsPriorGroup"/>).
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
    private readonly byte[] _count;
    private readonly byte[] _rank;
    private readonly int _triangle;
    private readonly int _dense;
    private readonly int _headAt;
    private readonly int _columnsAt;
    private readonly int _plane;
    private readonly RidgeBounds? _bounds;
    private (Vector512<double> Mean, Vector512<double> Quadratic) _priorScores;

    public RidgeArmModels(int arms, int dimension, double lambda, bool bounded = false)
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
        // Columns pay while (r + 1) d < d + T, i.e. r < (d + 1) / 2; capped at ceil(d / 4) (at least 1.9x fewer reads
        // than the triangle at d = 20) so the extra storage stays at most a third of the model
        // (and 64 columns at most: the counts are bytes).
        MaxRank = Math.Min(Math.Min((dimension + 3) / 4, (dimension + 2) / 2 - 1), 64);
        _triangle = dimension * (dimension + 1) / 2;
        // Regions, each group's vectors contiguous so a scan streams memory: dense blocks (triangle, theta), then
        // the heads (theta, column 0), then one plane per further column (d vectors per group).
        _dense = _triangle + dimension;
        // Pinned (never moved), so the offset that puts every group vector on a 64-byte boundary stays valid.
        long length = ((long)Groups * Lanes * (_dense + (MaxRank > 0 ? (MaxRank + 1) * dimension : 0))) + Lanes;
        _model = AlignedDoubles.Allocate(length, nameof(arms), arms, "arms x model size", out _base);
        _headAt = _base + Groups * _dense * Lanes;
        _columnsAt = _headAt + Groups * 2 * dimension * Lanes;
        _plane = Groups * dimension * Lanes;

        _prior = new double[_dense * Lanes];
        _theta = new double[arms * dimension];
        _b = new double[arms * dimension];
        _u = new double[dimension];
        _weights = new double[dimension + _triangle];
        _updated = new bool[Groups * Lanes];
        _count = new byte[arms];
        _rank = new byte[Groups];
        for (int r = 0; r < Lanes; r++)
        {
            for (int i = 0; i < dimension; i++)
            {
                _prior[RowStart(i) * Lanes + r] = 1.0 / lambda;
            }
        }

        _bounds = bounded ? new RidgeBounds(Groups, dimension, lambda) : null;
        Clear();
    }

    public int Arms { get; }

    public int Dimension { get; }

    public double Lambda { get; }

    /// <summary>Groups of eight arms (the last one padded with prior models that callers ignore).</summary>
    public int Groups { get; }

    /// <summary>Updates per arm kept as Woodbury columns; a group with an arm past this many is scored densely.</summary>
    public int MaxRank { get; }

    public ReadOnlySpan<double> Theta(int arm) => _theta.AsSpan(arm * Dimension, Dimension);

    /// <summary>(A_a^-1)_ij for any i, j (the stored triangle holds j &gt;= i).</summary>
    public double InverseEntry(int arm, int i, int j)
    {
        if (i > j)
        {
            (i, j) = (j, i);
        }

        return _model[Element(arm, RowStart(i) + j - i)];
    }

    /// <summary>True when the per-arm bounds of <see cref="RidgeBounds"/> are kept (<see cref="BoundGroup"/>).</summary>
    public bool Bounded => _bounds is not null;

    /// <summary>True when group <paramref name="g"/> is scored through the dense triangle (<see cref="Group"/>).</summary>
    public bool IsDenseGroup(int g) => _rank[g] > MaxRank || MaxRank == 0;

    /// <summary>
    /// theta . x (bit-equal to <see cref="Group"/>'s) and an upper bound of the x^T A^-1 x that <see cref="Group"/>
    /// returns for a dense group (<see cref="IsDenseGroup"/>), for the last <see cref="SetContext"/>; needs <see cref="Bounded"/>.
    /// </summary>
    public (Vector512<double> Mean, Vector512<double> Quadratic) BoundGroup(int g) => _bounds!.Group(g, _weights.AsSpan(0, Dimension));

    /// <summary>True while all eight arms of group <paramref name="g"/> hold the prior.</summary>
    public bool IsPriorGroup(int g) => MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(_updated.AsSpan(g * Lanes, Lanes))) == 0;

    /// <summary>
    /// Stores the broadcast weights of context x (x, then x_i^2 on the diagonal and 2 x_i x_j above it) and the prior's
    /// scores for it.
    /// </summary>
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

        _priorScores = RidgeKernels.Dense(_prior, _triangle, _weights, d);
        _bounds?.SetContext(x);
    }

    /// <summary>theta . x and x^T A^-1 x of the eight arms of group <paramref name="g"/> for the last <see cref="SetContext"/>.</summary>
    public (Vector512<double> Mean, Vector512<double> Quadratic) Group(int g)
    {
        int rank = _rank[g], d = Dimension;
        if (rank > MaxRank || MaxRank == 0)
        {
            return RidgeKernels.Dense(_model.AsSpan(_base + g * _dense * Lanes, _dense * Lanes), _triangle, _weights, d);
        }

        var head = _model.AsSpan(_headAt + g * 2 * d * Lanes, 2 * d * Lanes);
        var columns = rank > 1 ? _model.AsSpan(_columnsAt + g * d * Lanes, (rank - 2) * _plane + d * Lanes) : default;
        return RidgeKernels.LowRank(head, columns, _plane, rank, _weights, d, _priorScores.Quadratic);
    }

    /// <summary>The same for eight prior models (every lane equals a never-updated arm's values).</summary>
    public (Vector512<double> Mean, Vector512<double> Quadratic) PriorGroup() => _priorScores;

    public void Update(int arm, ReadOnlySpan<double> x, double reward)
    {
        int d = Dimension, at = Element(arm, 0);
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

        int n = _count[arm], g = arm / Lanes;
        if (n < MaxRank)
        {
            double scale = 1.0 / Math.Sqrt(denom);
            int column = n == 0 ? Head(arm, d) : _columnsAt + (n - 1) * _plane + (arm / Lanes) * d * Lanes + arm % Lanes;
            for (int i = 0; i < d; i++)
            {
                _model[column + i * Lanes] = _u[i] * scale;
            }
        }

        if (n <= MaxRank)
        {
            _count[arm] = (byte)(n + 1);
            _rank[g] = Math.Max(_rank[g], (byte)(n + 1));
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
            _model[Element(arm, _triangle + i)] = theta[i];
            if (MaxRank > 0)
            {
                _model[Head(arm, i)] = theta[i];
            }
        }

        _bounds?.Refresh(arm, _model, at, theta, denom);
    }

    public void Clear()
    {
        Array.Clear(_theta);
        Array.Clear(_b);
        Array.Clear(_updated);
        Array.Clear(_count);
        Array.Clear(_rank);
        for (int g = 0; g < Groups; g++)
        {
            _prior.CopyTo(_model.AsSpan(_base + g * _dense * Lanes, _dense * Lanes));
        }

        _model.AsSpan(_headAt).Clear();
        _bounds?.Clear();
    }

    /// <summary>Offset of row i of the packed upper triangle (entries (i, i..d-1)).</summary>
    private int RowStart(int i) => i * Dimension - i * (i - 1) / 2;

    /// <summary>Index in _model of element e of <paramref name="arm"/>'s dense block (the triangle, then theta).</summary>
    private int Element(int arm, int e) => _base + ((arm / Lanes) * _dense + e) * Lanes + arm % Lanes;

    /// <summary>Index in _model of element e of <paramref name="arm"/>'s head (theta, then column 0).</summary>
    private int Head(int arm, int e) => _headAt + ((arm / Lanes) * 2 * Dimension + e) * Lanes + arm % Lanes;

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
