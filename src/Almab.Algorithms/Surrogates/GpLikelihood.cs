using System.Runtime.Intrinsics;
using Almab.Algorithms.Surrogates.Kernels;

namespace Almab.Algorithms.Surrogates;

/// <summary>
/// Log marginal likelihood of a zero-mean GP on fixed (already transformed) targets and its analytic
/// gradient with respect to the log-hyperparameters theta = [log l_1..log l_d, log sigma_f^2, log sigma_n^2]
/// (Rasmussen and Williams 2006, eqs. 2.30 and 5.9). Buffers are reused between evaluations, so an
/// optimisation run allocates nothing per step. Not thread-safe.
/// </summary>
internal sealed class GpLikelihood
{
    private const double HalfLog2Pi = 0.91893853320467274178;
    private readonly KernelFamily _family;
    private readonly int _n;
    private readonly int _d;
    private readonly double[] _x;      // n x d row-major raw inputs
    private readonly double[] _y;
    private readonly double[][] _corr; // lower triangle of rho(r_ab)
    private readonly double[][] _fac;  // lower triangle of the length-scale factor h(r_ab)
    private readonly double[][] _inv;  // _inv[a][k - a] = (L^-1)[k, a], k >= a
    private readonly CholeskyRows _chol = new();
    private readonly double[] _alpha;
    private readonly double[] _scaled;
    private readonly double[] _kinvRow;
    private readonly double[] _kinvRow2;
    private readonly double[] _weights;
    private readonly double[] _columns; // d x n column-major copy of _scaled
    private readonly double[] _lengthSums;
    private double _sf2;
    private double _sn2;
    private bool _valid;

    public GpLikelihood(KernelFamily family, IReadOnlyList<double[]> inputs, ReadOnlySpan<double> targets)
    {
        _family = family;
        _n = inputs.Count;
        _d = inputs[0].Length;
        _x = new double[_n * _d];
        for (int i = 0; i < _n; i++)
        {
            inputs[i].AsSpan().CopyTo(_x.AsSpan(i * _d, _d));
        }

        _y = targets.ToArray();
        _corr = Triangle(_n);
        _fac = Triangle(_n);
        _inv = new double[_n][];
        for (int a = 0; a < _n; a++)
        {
            _inv[a] = new double[_n - a];
        }

        _chol.EnsureRows(_n);
        _alpha = new double[_n];
        _kinvRow = new double[_n];
        _kinvRow2 = new double[_n];
        _weights = new double[_n];
        _columns = new double[_n * _d];
        _lengthSums = new double[_d];
        _scaled = new double[_n * _d];
    }

    /// <summary>Number of hyperparameters, d + 2.</summary>
    public int ParameterCount => _d + 2;

    /// <summary>Jitter that the last evaluation had to add to the diagonal (0 when none).</summary>
    public double LastJitter { get; private set; }

    /// <summary>
    /// Log marginal likelihood at <paramref name="theta"/>; fills <paramref name="gradient"/> (length d + 2)
    /// when it is non-empty. Returns negative infinity if even the largest jitter cannot factor the matrix.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double lml = Value(theta);
        if (!gradient.IsEmpty && double.IsFinite(lml))
        {
            GradientOfLastValue(gradient);
        }

        return lml;
    }

    /// <summary>
    /// Log marginal likelihood at <paramref name="theta"/>, keeping the factorisation so that
    /// <see cref="GradientOfLastValue"/> can add the gradient only for points a line search accepts
    /// (the gradient costs twice the factorisation).
    /// </summary>
    public double Value(ReadOnlySpan<double> theta)
    {
        int n = _n, d = _d;
        _sf2 = Math.Exp(theta[d]);
        _sn2 = Math.Exp(theta[d + 1]);
        for (int j = 0; j < d; j++)
        {
            double il = Math.Exp(-theta[j]);
            for (int i = 0; i < n; i++)
            {
                double v = _x[i * d + j] * il;
                _scaled[i * d + j] = v;
                _columns[j * n + i] = v;
            }
        }

        for (int a = 0; a < n; a++)
        {
            var xa = _scaled.AsSpan(a * d, d);
            double[] ca = _corr[a];
            double[] fa = _fac[a];
            PrefixSquaredDistances(a, xa, ca);

            StationaryKernel.CorrelationsAndFactors(_family, ca.AsSpan(0, a), fa);

            ca[a] = 1.0;
            fa[a] = 0.0;
        }

        _valid = false;
        if (!Factor(_sf2, _sn2))
        {
            return double.NegativeInfinity;
        }

        _y.AsSpan().CopyTo(_alpha);
        _chol.SolveLowerInPlace(_alpha);
        _valid = true;
        return -0.5 * DenseKernels.Dot(_alpha, _alpha) - _chol.HalfLogDeterminant() - n * HalfLog2Pi;
    }

    /// <summary>Gradient (length d + 2) at the point of the last successful <see cref="Value"/> call.</summary>
    public void GradientOfLastValue(Span<double> gradient)
    {
        if (!_valid)
        {
            throw new InvalidOperationException("No successful likelihood evaluation to differentiate.");
        }

        _valid = false;
        _chol.SolveUpperTransposeInPlace(_alpha);
        TriangularInverse.Columns(_chol, _n, _inv);
        Gradient(_sf2, _sn2, gradient);
    }

    private bool Factor(double sf2, double sn2)
    {
        double diag = sf2 + sn2;
        for (int attempt = 0; attempt < JitterSchedule.Attempts; attempt++)
        {
            double jitter = JitterSchedule.Jitter(attempt, diag);
            for (int a = 0; a < _n; a++)
            {
                double[] ca = _corr[a];
                double[] la = _chol.Row(a);
                for (int b = 0; b < a; b++)
                {
                    la[b] = sf2 * ca[b];
                }

                la[a] = diag;
            }

            if (_chol.TryFactor(_n, jitter))
            {
                LastJitter = jitter;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// dLML/dtheta_p = 0.5 tr((alpha alpha^T - K^-1) dK/dtheta_p), summed over the lower triangle with
    /// off-diagonal terms doubled; (K^-1)[a, b] = sum_{k >= a} L^-1[k, a] L^-1[k, b] for a >= b. Rows of K^-1
    /// are formed two at a time (a, a + 1) so each load of a column of L^-1 serves both.
    /// </summary>
    private void Gradient(double sf2, double sn2, Span<double> gradient)
    {
        int n = _n, d = _d;
        double[] lengthSums = _lengthSums;
        Array.Clear(lengthSums);
        double signal = 0.0, noise = 0.0;
        Span<double> sums = stackalloc double[8];
        double[] kinvA = _kinvRow;
        double[] kinvB = _kinvRow2;
        int a = 0;
        for (; a + 1 < n; a += 2)
        {
            int a1 = a + 1, len = n - a;
            var ua = _inv[a].AsSpan(0, len);
            var ub = _inv[a1].AsSpan(0, len - 1);
            var uaTail = ua.Slice(1);
            double ua0 = ua[0];
            int b = 0;
            for (; b + 3 < a; b += 4)
            {
                double[] y0 = _inv[b], y1 = _inv[b + 1], y2 = _inv[b + 2], y3 = _inv[b + 3];
                DenseKernels.Dot2x4(
                    uaTail, ub, y0.AsSpan(a1 - b), y1.AsSpan(a1 - b - 1), y2.AsSpan(a1 - b - 2), y3.AsSpan(a1 - b - 3), sums);
                kinvA[b] = sums[0] + ua0 * y0[a - b];
                kinvA[b + 1] = sums[1] + ua0 * y1[a - b - 1];
                kinvA[b + 2] = sums[2] + ua0 * y2[a - b - 2];
                kinvA[b + 3] = sums[3] + ua0 * y3[a - b - 3];
                kinvB[b] = sums[4];
                kinvB[b + 1] = sums[5];
                kinvB[b + 2] = sums[6];
                kinvB[b + 3] = sums[7];
            }

            for (; b < a; b++)
            {
                kinvA[b] = DenseKernels.Dot(ua, _inv[b].AsSpan(a - b, len));
                kinvB[b] = DenseKernels.Dot(ub, _inv[b].AsSpan(a1 - b, len - 1));
            }

            kinvB[a] = DenseKernels.Dot(ub, uaTail);
            AccumulateRow(a, kinvA, DenseKernels.Dot(ua, ua), ref signal, ref noise);
            AccumulateRow(a1, kinvB, DenseKernels.Dot(ub, ub), ref signal, ref noise);
        }

        if (a < n)
        {
            var ua = _inv[a].AsSpan(0, n - a);
            for (int b = 0; b < a; b++)
            {
                kinvA[b] = DenseKernels.Dot(ua, _inv[b].AsSpan(a - b, n - a));
            }

            AccumulateRow(a, kinvA, DenseKernels.Dot(ua, ua), ref signal, ref noise);
        }

        for (int j = 0; j < d; j++)
        {
            gradient[j] = 0.5 * sf2 * lengthSums[j];
        }

        gradient[d] = 0.5 * sf2 * signal;
        gradient[d + 1] = 0.5 * sn2 * noise;
    }

    /// <summary>
    /// Adds row <paramref name="a"/> of the trace sums, given (K^-1)[a, 0..a). The length-scale sums run four
    /// dimensions per vector in registers; each lane adds the same terms in the same order (b ascending) as a scalar
    /// loop would, so the result is unchanged.
    /// </summary>
    private void AccumulateRow(int a, double[] kinv, double kinvDiagonal, ref double signal, ref double noise)
    {
        int d = _d;
        double[] ca = _corr[a];
        double[] fa = _fac[a];
        double[] weights = _weights;
        double aa = _alpha[a];
        double gs = 0.0;
        for (int b = 0; b < a; b++)
        {
            double w = 2.0 * (aa * _alpha[b] - kinv[b]);
            gs += w * ca[b];
            weights[b] = w * fa[b];
        }

        int oa = a * d;
        int j = 0;
        for (; j + 4 <= d; j += 4)
        {
            var xa = Vector256.Create(_scaled[oa + j], _scaled[oa + j + 1], _scaled[oa + j + 2], _scaled[oa + j + 3]);
            var acc = Vector256.Create(_lengthSums[j], _lengthSums[j + 1], _lengthSums[j + 2], _lengthSums[j + 3]);
            for (int b = 0; b < a; b++)
            {
                double wf = weights[b];
                if (wf != 0.0)
                {
                    var t = xa - Vector256.LoadUnsafe(ref _scaled[b * d + j]);
                    acc += Vector256.Create(wf) * t * t;
                }
            }

            acc.CopyTo(_lengthSums.AsSpan(j, 4));
        }

        for (; j < d; j++)
        {
            double xj = _scaled[oa + j];
            double acc = _lengthSums[j];
            for (int b = 0; b < a; b++)
            {
                double wf = weights[b];
                if (wf != 0.0)
                {
                    double t = xj - _scaled[b * d + j];
                    acc += wf * t * t;
                }
            }

            _lengthSums[j] = acc;
        }

        double waa = aa * aa - kinvDiagonal;
        signal += gs + waa;
        noise += waa;
    }

    /// <summary>
    /// target[b] = |x_a - x_b|^2 for b &lt; a, four b at a time from the column-major copy; each lane sums over the
    /// dimensions in order from 0.0, exactly as <see cref="DenseKernels.SquaredDistance"/> does.
    /// </summary>
    private void PrefixSquaredDistances(int a, ReadOnlySpan<double> xa, double[] target)
    {
        int n = _n, d = _d;
        int b = 0;
        for (; b + 4 <= a; b += 4)
        {
            var acc = Vector256<double>.Zero;
            for (int j = 0; j < d; j++)
            {
                var t = Vector256.Create(xa[j]) - Vector256.LoadUnsafe(ref _columns[j * n + b]);
                acc += t * t;
            }

            acc.StoreUnsafe(ref target[b]);
        }

        for (; b < a; b++)
        {
            target[b] = DenseKernels.SquaredDistance(xa, _scaled.AsSpan(b * d, d));
        }
    }

    private static double[][] Triangle(int n)
    {
        var rows = new double[n][];
        for (int i = 0; i < n; i++)
        {
            rows[i] = new double[i + 1];
        }

        return rows;
    }
}
