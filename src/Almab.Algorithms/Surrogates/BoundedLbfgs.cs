namespace Almab.Algorithms.Surrogates;

/// <summary>
/// Projected limited-memory BFGS for box constraints, in the spirit of L-BFGS-B (Byrd, Lu, Nocedal and Zhu
/// 1995) with scipy's stopping rules (defaults): projected-gradient infinity norm below 1e-5, or relative
/// decrease below factr * eps = 1e7 * 2.2e-16. Our simplification (protocol note): variables at an active
/// bound are frozen for the step, the two-loop recursion runs on the free ones, the first trial step stops at the first bound met, and a projected Armijo
/// backtracking line search with quadratic interpolation replaces the Moré-Thuente search; the first step has unit length, as in
/// scipy's first iteration. Buffers are allocated once per instance.
/// </summary>
internal sealed class BoundedLbfgs
{
    private const double BoundTolerance = 1e-10;
    private readonly double _projectedGradientTolerance;
    private readonly double _relativeDecreaseTolerance;
    private readonly int _n;
    private readonly int _memory;
    private readonly double[][] _s;
    private readonly double[][] _y;
    private readonly double[] _rho;
    private readonly double[] _alpha;
    private readonly double[] _g;
    private readonly double[] _gNew;
    private readonly double[] _xNew;
    private readonly double[] _d;
    private readonly bool[] _free;

    /// <summary>
    /// Solver for <paramref name="dimension"/> variables keeping <paramref name="memory"/> curvature pairs; the
    /// default tolerances are scipy's L-BFGS-B defaults (pgtol 1e-5, factr 1e7).
    /// </summary>
    public BoundedLbfgs(
        int dimension, int memory = 10, double projectedGradientTolerance = 1e-5,
        double relativeDecreaseTolerance = 1e7 * 2.220446049250313e-16)
    {
        _projectedGradientTolerance = projectedGradientTolerance;
        _relativeDecreaseTolerance = relativeDecreaseTolerance;
        _n = dimension;
        _memory = memory;
        _s = new double[memory][];
        _y = new double[memory][];
        for (int i = 0; i < memory; i++)
        {
            _s[i] = new double[dimension];
            _y[i] = new double[dimension];
        }

        _rho = new double[memory];
        _alpha = new double[memory];
        _g = new double[dimension];
        _gNew = new double[dimension];
        _xNew = new double[dimension];
        _d = new double[dimension];
        _free = new bool[dimension];
    }

    /// <summary>Minimises from <paramref name="x"/> (clamped into the box, overwritten by the result); returns f.</summary>
    public double Minimize(IBoundedObjective f, Span<double> x, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int maxIterations)
    {
        int n = _n;
        for (int i = 0; i < n; i++)
        {
            x[i] = Math.Clamp(x[i], lower[i], upper[i]);
        }

        double fx = f.Value(x);
        if (!double.IsFinite(fx))
        {
            return fx;
        }

        f.GradientOfLastValue(_g);

        int stored = 0, head = 0;
        for (int iter = 0; iter < maxIterations; iter++)
        {
            double pgNorm = 0.0;
            for (int i = 0; i < n; i++)
            {
                bool atLower = x[i] <= lower[i] + BoundTolerance && _g[i] > 0.0;
                bool atUpper = x[i] >= upper[i] - BoundTolerance && _g[i] < 0.0;
                _free[i] = !(atLower || atUpper);
                if (_free[i])
                {
                    pgNorm = Math.Max(pgNorm, Math.Abs(_g[i]));
                }
            }

            if (pgNorm < _projectedGradientTolerance)
            {
                break;
            }

            Direction(stored, head);
            double slope = 0.0, dNorm2 = 0.0;
            for (int i = 0; i < n; i++)
            {
                slope += _g[i] * _d[i];
                dNorm2 += _d[i] * _d[i];
            }

            if (!(slope < 0.0))
            {
                // Curvature memory gave no descent direction: restart from steepest descent.
                stored = 0;
                for (int i = 0; i < n; i++)
                {
                    _d[i] = _free[i] ? -_g[i] : 0.0;
                }

                dNorm2 = 0.0;
                for (int i = 0; i < n; i++)
                {
                    dNorm2 += _d[i] * _d[i];
                }
            }

            double t = stored == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(dNorm2)) : 1.0;

            // Stop the first trial at the first bound a free variable meets (the first breakpoint of the
            // projected path): past it the direction, computed as if that variable were free, is no longer
            // a good model, and a projected full step would make the Armijo search crawl.
            for (int i = 0; i < n; i++)
            {
                double room = _d[i] > 0.0 ? upper[i] - x[i] : _d[i] < 0.0 ? lower[i] - x[i] : double.PositiveInfinity;
                if (Math.Abs(room) > BoundTolerance && room / _d[i] < t)
                {
                    t = room / _d[i];
                }
            }
            double fNew = double.NaN;
            bool accepted = false;
            for (int ls = 0; ls < 40; ls++)
            {
                double decrease = 0.0;
                for (int i = 0; i < n; i++)
                {
                    _xNew[i] = Math.Clamp(x[i] + t * _d[i], lower[i], upper[i]);
                    decrease += _g[i] * (_xNew[i] - x[i]);
                }

                fNew = f.Value(_xNew);
                if (double.IsFinite(fNew) && fNew <= fx + 1e-4 * decrease)
                {
                    accepted = true;
                    break;
                }

                // Minimiser of the quadratic through f(x), the projected slope and f(x + t d), kept in [0.1 t, 0.5 t].
                double curvature = fNew - fx - decrease;
                double next = double.IsFinite(fNew) && curvature > 0.0 ? -0.5 * decrease * t / curvature : 0.1 * t;
                t = Math.Clamp(next, 0.1 * t, 0.5 * t);
            }
            if (!accepted)
            {
                break;
            }

            f.GradientOfLastValue(_gNew);

            double[] s = _s[head], y = _y[head];
            double sy = 0.0, yy = 0.0;
            for (int i = 0; i < n; i++)
            {
                s[i] = _xNew[i] - x[i];
                y[i] = _gNew[i] - _g[i];
                sy += s[i] * y[i];
                yy += y[i] * y[i];
                x[i] = _xNew[i];
                _g[i] = _gNew[i];
            }

            if (sy > 2.220446049250313e-16 * yy)
            {
                _rho[head] = 1.0 / sy;
                head = (head + 1) % _memory;
                stored = Math.Min(stored + 1, _memory);
            }

            double fOld = fx;
            fx = fNew;
            if ((fOld - fx) / Math.Max(Math.Max(Math.Abs(fOld), Math.Abs(fx)), 1.0) <= _relativeDecreaseTolerance)
            {
                break;
            }
        }

        return fx;
    }

    /// <summary>Two-loop recursion d = -H g over the free variables (active ones get d = 0).</summary>
    private void Direction(int stored, int head)
    {
        int n = _n;
        for (int i = 0; i < n; i++)
        {
            _d[i] = _free[i] ? -_g[i] : 0.0;
        }

        for (int k = 0; k < stored; k++)
        {
            int idx = (head - 1 - k + _memory) % _memory;
            double a = _rho[idx] * FreeDot(_s[idx], _d);
            _alpha[idx] = a;
            Axpy(-a, _y[idx], _d);
        }

        if (stored > 0)
        {
            int last = (head - 1 + _memory) % _memory;
            double yy = FreeDot(_y[last], _y[last]);
            double gamma = yy > 0.0 ? 1.0 / (_rho[last] * yy) : 1.0;
            for (int i = 0; i < n; i++)
            {
                _d[i] *= gamma;
            }
        }

        for (int k = stored - 1; k >= 0; k--)
        {
            int idx = (head - 1 - k + _memory) % _memory;
            double b = _rho[idx] * FreeDot(_y[idx], _d);
            Axpy(_alpha[idx] - b, _s[idx], _d);
        }
    }

    private double FreeDot(double[] a, double[] b)
    {
        double s = 0.0;
        for (int i = 0; i < _n; i++)
        {
            if (_free[i])
            {
                s += a[i] * b[i];
            }
        }

        return s;
    }

    private void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < _n; i++)
        {
            if (_free[i])
            {
                y[i] += a * x[i];
            }
        }
    }
}
