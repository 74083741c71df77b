using System.Runtime.InteropServices;
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
/// mu is kept without an eigen solve: the Sherman-Morrison update subtracts u u^T / (1 + x^T M x), which is positive
/// semidefinite, so lambda_max(P M P) cannot grow except by the update's rounding, bounded by a few eps (R before +
/// R after); mu starts at the prior's 1 / lambda and grows by 1e-12 (R before + R after) per update. It stays valid
/// but no tighter than the prior's 1 / lambda (every A_a &gt;= lambda I), which is close to the truth while arms have about
/// d updates and loose after many more. A non-finite or non-positive update denominator sets mu = +inf (always scored exactly).
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

    public RidgeBounds(int groups, int dimension, double lambda)
    {
        _d = dimension;
        _stride = 2 * dimension + 3;
        long length = (long)groups * _stride * Lanes + Lanes;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(groups), groups, "arms x bound size exceeds an array.");
        }

        _data = GC.AllocateArray<double>((int)length, pinned: true);
        var handle = GCHandle.Alloc(_data, GCHandleType.Pinned);
        _base = (int)((64 - (handle.AddrOfPinnedObject() & 63)) & 63) / sizeof(double);
        handle.Free();
        Groups = groups;
        _rowSums = new double[2 * dimension];
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
        if (!finite || !(denom > 0) || !double.IsFinite(mu) || !double.IsFinite(s))
        {
            mu = double.PositiveInfinity;
        }

        _data[At(arm, 2 * d)] = s;
        _data[At(arm, 2 * d + 1)] = mu;
        _data[At(arm, 2 * d + 2)] = Kappa * rNew;
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
