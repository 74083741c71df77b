using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// Per-arm data for a cheap rigorous upper bound of x^T M x (M = the stored A_a^-1 triangle of
/// <see cref="RidgeArmModels"/>), read by <see cref="LinUcbPolicy"/>'s pruned argmax instead of the d(d+1)/2 triangle.
/// With the all-ones vector 1 and any real c, x^T M x = 2c (M 1) . x - c^2 1^T M 1 + (x - c 1)^T M (x - c 1), and for
/// c = mean(x) the last term is at most mu |x - c 1|^2 with mu &gt;= lambda_max(P M P), P the projection on 1-perp.
/// Per arm: theta (d numbers, a bit-equal copy, so theta . x in the bound is the exact score's), w = M 1 (d), S = 1^T M 1,
/// mu, and kappa R with R = max_i sum_j |M_ij| (which bounds every floating-point error of both the exact score and this
/// bound by far smaller multiples of R |x|^2 than kappa = 1e-9 does). Interleaved by eight like the models: 2d + 3
/// Vector512 per group (43 at d = 20 against the dense block's 230).
/// mu is kept cheaply between eigen bounds: the Sherman-Morrison update subtracts u u^T / (1 + x^T M x), which is
/// positive semidefinite, so lambda_max(P M P) cannot grow except by the update's rounding, bounded by a few eps (R before
/// + R after); mu starts at the prior's 1 / lambda and grows by 1e-12 (R before + R after) per update. At the arm's
/// 2d-th, 4d-th, 8d-th ... update it is lowered to a Jacobi/Gershgorin bound (<see cref="ProjectedMaximum"/>, O(d^3),
/// amortized O(d^3 / n) per update), so it follows lambda_max down as the arm's A grows. A non-finite or non-positive
/// update denominator sets mu = +inf (the arm is always scored exactly).
/// </summary>
internal sealed class RidgeBounds
{
    private const int Lanes = 8;

    /// <summary>kappa: relative floating-point slack, in units of R |x|^2.</summary>
    private const double Kappa = 1e-9;

    /// <summary>Relative growth of mu per update (against the rounding of the update), in units of R.</summary>
    private const double Growth = 1e-12;

    private readonly double[] _data;
    private readonly int _base;
    private readonly int _d;
    private readonly int _stride;
    private readonly double _priorMu;
    private readonly double[] _scalars = new double[4];
    private readonly double[] _rowSums;
    private readonly double[] _square;
    private readonly int[] _updates;

    public RidgeBounds(int groups, int dimension, double lambda)
    {
        _d = dimension;
        _stride = 2 * dimension + 3;
        _data = AlignedDoubles.Allocate(((long)groups * _stride * Lanes) + Lanes, nameof(groups), groups, "arms x bound size", out _base);
        Groups = groups;
        _rowSums = new double[2 * dimension];
        _square = new double[dimension * dimension];
        _updates = new int[groups * Lanes];
        double inv = 1.0 / lambda;
        _priorMu = inv * (1 + Growth);
        PriorInverse = inv;
    }

    public int Groups { get; }

    /// <summary>The prior's diagonal entry 1 / lambda (what the triangle holds for a never-updated arm).</summary>
    public double PriorInverse { get; }

    /// <summary>Sets every arm to the prior: theta = 0, w = 1 / lambda, S = d / lambda, mu = 1 / lambda (1 + 1e-12), R = 1 / lambda.</summary>
    public void Clear()
    {
        Array.Clear(_updates);
        for (int g = 0; g < Groups; g++)
        {
            for (int r = 0; r < Lanes; r++)
            {
                int arm = g * Lanes + r;
                for (int i = 0; i < _d; i++)
                {
                    _data[At(arm, i)] = 0.0;
                    _data[At(arm, _d + i)] = PriorInverse;
                }

                _data[At(arm, 2 * _d)] = _d * PriorInverse;
                _data[At(arm, 2 * _d + 1)] = _priorMu;
                _data[At(arm, 2 * _d + 2)] = Kappa * PriorInverse;
            }
        }
    }

    /// <summary>
    /// Refreshes <paramref name="arm"/>'s bound after a Sherman-Morrison update with denominator <paramref name="denom"/>:
    /// <paramref name="model"/>[<paramref name="at"/> + 8 e] is element e of the arm's new packed upper triangle (row by
    /// row), <paramref name="theta"/> its new theta.
    /// </summary>
    public void Refresh(int arm, ReadOnlySpan<double> model, int at, ReadOnlySpan<double> theta, double denom)
    {
        int d = _d;
        var w = _rowSums.AsSpan(0, d);
        var abs = _rowSums.AsSpan(d, d);
        w.Clear();
        abs.Clear();
        for (int i = 0, o = 0; i < d; i++)
        {
            for (int j = i; j < d; j++, o++)
            {
                double m = model[at + o * Lanes];
                w[i] += m;
                abs[i] += Math.Abs(m);
                if (j > i)
                {
                    w[j] += m;
                    abs[j] += Math.Abs(m);
                }
            }
        }

        double rOld = _data[At(arm, 2 * d + 2)] / Kappa, rNew = 0, s = 0;
        bool finite = true;
        for (int i = 0; i < d; i++)
        {
            finite &= double.IsFinite(abs[i]) && double.IsFinite(theta[i]);
            rNew = Math.Max(rNew, abs[i]);
            s += w[i];
            _data[At(arm, d + i)] = w[i];
            _data[At(arm, i)] = theta[i];
        }

        double mu = _data[At(arm, 2 * d + 1)] + Growth * (rOld + rNew);
        int n = ++_updates[arm];
        if (n >= 2 * d && (n / d & (n / d - 1)) == 0 && n % d == 0 && finite)
        {
            mu = Math.Min(mu, ProjectedMaximum(model, at, w, s, rNew));
        }
        if (!finite || !(denom > 0) || !double.IsFinite(mu) || !double.IsFinite(s))
        {
            mu = double.PositiveInfinity;
        }

        _data[At(arm, 2 * d)] = s;
        _data[At(arm, 2 * d + 1)] = mu;
        _data[At(arm, 2 * d + 2)] = Kappa * rNew;
    }

    /// <summary>
    /// An upper bound of lambda_max(P M P) from cyclic Jacobi rotations of P M P (built from the triangle, w = M 1 and
    /// S) and Gershgorin's circles of the rotated matrix, plus 1e-9 (R + |bound|) against the rounding of P M P and of
    /// the rotations (orthogonal similarity: their backward error is a few hundred eps ||M|| at d = 20, far below it).
    /// </summary>
    private double ProjectedMaximum(ReadOnlySpan<double> model, int at, ReadOnlySpan<double> w, double s, double r)
    {
        int d = _d;
        var a = _square.AsSpan();
        double shift = s / ((double)d * d);
        for (int i = 0, o = 0; i < d; i++)
        {
            for (int j = i; j < d; j++, o++)
            {
                a[i * d + j] = a[j * d + i] = model[at + o * Lanes] - w[i] / d - w[j] / d + shift;
            }
        }

        for (int sweep = 0; sweep < 16; sweep++)
        {
            double off = 0, diagonal = 0;
            for (int i = 0; i < d; i++)
            {
                diagonal += a[i * d + i] * a[i * d + i];
                for (int j = i + 1; j < d; j++)
                {
                    off += a[i * d + j] * a[i * d + j];
                }
            }

            if (!(off > 1e-12 * (diagonal + off)))
            {
                break;
            }

            for (int p = 0; p < d; p++)
            {
                for (int q = p + 1; q < d; q++)
                {
                    Rotate(a, d, p, q);
                }
            }
        }

        double bound = 0;
        for (int i = 0; i < d; i++)
        {
            double row = a[i * d + i];
            for (int j = 0; j < d; j++)
            {
                row += j == i ? 0 : Math.Abs(a[i * d + j]);
            }

            bound = Math.Max(bound, row);
        }

        return double.IsFinite(bound) ? bound + 1e-9 * (r + bound) : double.PositiveInfinity;
    }

    /// <summary>One Jacobi rotation of the symmetric d x d <paramref name="a"/> that zeroes a_pq (in exact arithmetic).</summary>
    private static void Rotate(Span<double> a, int d, int p, int q)
    {
        double apq = a[p * d + q];
        if (apq == 0)
        {
            return;
        }

        double theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        double t = Math.Abs(theta) > 1e150 ? 0.5 / theta : (theta >= 0 ? 1.0 : -1.0) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        double c = 1 / Math.Sqrt(t * t + 1), sn = t * c;
        for (int k = 0; k < d; k++)
        {
            double akp = a[k * d + p], akq = a[k * d + q];
            a[k * d + p] = c * akp - sn * akq;
            a[k * d + q] = sn * akp + c * akq;
        }

        for (int k = 0; k < d; k++)
        {
            double apk = a[p * d + k], aqk = a[q * d + k];
            a[p * d + k] = c * apk - sn * aqk;
            a[q * d + k] = sn * apk + c * aqk;
        }
    }

    /// <summary>Stores the per-decision scalars of context x: 2c, c^2, |x - c 1|^2 and |x|^2 with c = mean(x).</summary>
    public void SetContext(ReadOnlySpan<double> x)
    {
        double sum = 0, x2 = 0;
        for (int i = 0; i < _d; i++)
        {
            sum += x[i];
            x2 += x[i] * x[i];
        }

        double c = sum / _d, rho = 0;
        for (int i = 0; i < _d; i++)
        {
            double r = x[i] - c;
            rho += r * r;
        }

        _scalars[0] = 2 * c;
        _scalars[1] = c * c;
        _scalars[2] = rho;
        _scalars[3] = x2;
    }

    /// <summary>theta . x (bit-equal to the exact form's) and the upper bound of x^T M x of group <paramref name="g"/>'s eight arms.</summary>
    public (Vector512<double> Mean, Vector512<double> Quadratic) Group(int g, ReadOnlySpan<double> x) =>
        RidgeKernels.Bound(_data.AsSpan(_base + g * _stride * Lanes, _stride * Lanes), x, _d, _scalars);

    private int At(int arm, int e) => _base + ((arm / Lanes) * _stride + e) * Lanes + arm % Lanes;
}
