using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Almab.Algorithms.Surrogates.Kernels;

namespace Almab.Algorithms.Surrogates;

/// <summary>Posterior prediction and bookkeeping of <see cref="GaussianProcess"/>.</summary>
public sealed partial class GaussianProcess
{
    /// <summary>
    /// Posterior mean and latent variance (noise excluded) on the original output scale:
    /// mu = m + s v^T z and var = s^2 (sigma_f^2 - v^T v) with v = L^-1 k(X, x), z = L^-1 y
    /// (Rasmussen and Williams 2006, Algorithm 2.1). O(n^2) per point, no allocation.
    /// Points go through in panels of four, one per lane of a 256-bit vector: distances, correlations and the
    /// forward substitution are all lane-parallel, with no horizontal sums. A partial last panel repeats its last
    /// point in the empty lanes, so a point's result does not depend on its position in the batch.
    /// </summary>
    public void Predict(IReadOnlyList<double[]> points, Span<double> mean, Span<double> variance)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (mean.Length < points.Count || variance.Length < points.Count)
        {
            throw new ArgumentException($"mean and variance must hold {points.Count} values.");
        }

        int n = Count, d = Dimension, count = points.Count;
        double sf2 = _hyper.SignalVariance;
        double s2 = TargetScale * TargetScale;
        var panel = MemoryMarshal.Cast<double, Vector256<double>>(_work.AsSpan(0, 4 * n));
        Span<Vector256<double>> coordinates = d <= 32 ? stackalloc Vector256<double>[d] : new Vector256<double>[d];
        Span<double> lane = stackalloc double[4];
        for (int p = 0; p < count; p += 4)
        {
            for (int j = 0; j < d; j++)
            {
                for (int r = 0; r < 4; r++)
                {
                    double[] x = points[Math.Min(p + r, count - 1)];
                    if (j == 0)
                    {
                        CheckInput(x, nameof(points));
                    }

                    lane[r] = x[j] * _invLength[j];
                }

                coordinates[j] = Vector256.Create<double>(lane);
            }

            var m = Vector256<double>.Zero;
            var vv = Vector256<double>.Zero;
            if (n > 0)
            {
                PanelSquaredDistances(coordinates, panel);
                StationaryKernel.Correlations(_family, MemoryMarshal.Cast<Vector256<double>, double>(panel), sf2);
                _chol.SolveLowerPanelInPlace(panel);
                var z = _z;
                for (int i = 0; i < n; i++)
                {
                    m += panel[i] * z[i];
                    vv += panel[i] * panel[i];
                }
            }

            for (int r = 0; r < 4 && p + r < count; r++)
            {
                mean[p + r] = TargetMean + TargetScale * m[r];
                variance[p + r] = s2 * Math.Max(sf2 - vv[r], 0.0);
            }
        }
    }

    /// <summary>Squared scaled distances from each stored point to the four points of a panel (lane-parallel).</summary>
    private void PanelSquaredDistances(ReadOnlySpan<Vector256<double>> coordinates, Span<Vector256<double>> target)
    {
        int d = Dimension;
        var stored = _scaled;
        for (int i = 0; i < target.Length; i++)
        {
            int o = i * d;
            var acc = Vector256<double>.Zero;
            for (int j = 0; j < d; j++)
            {
                var t = coordinates[j] - Vector256.Create(stored[o + j]);
                acc += t * t;
            }

            target[i] = acc;
        }
    }

    /// <summary>
    /// Posterior covariance of the latent function on the original scale:
    /// s^2 (k(a_i, b_j) - v(a_i)^T v(b_j)), v(x) = L^-1 k(X, x).
    /// </summary>
    public void PredictCovariance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(covariance);
        if (covariance.GetLength(0) != a.Count || covariance.GetLength(1) != b.Count)
        {
            throw new ArgumentException(
                $"covariance is {covariance.GetLength(0)}x{covariance.GetLength(1)} but must be {a.Count}x{b.Count}.",
                nameof(covariance));
        }

        int d = Dimension, n = Count;
        // Scratch reused between calls (the model is not thread-safe anyway); one set when a and b are the same list.
        ScaledSolved(a, ref _scaledA, ref _solvedA);
        bool same = ReferenceEquals(a, b);
        if (!same)
        {
            ScaledSolved(b, ref _scaledB, ref _solvedB);
        }

        double[] sa = _scaledA, va = _solvedA;
        double[] sb = same ? _scaledA : _scaledB, vb = same ? _solvedA : _solvedB;
        if (_priorRow.Length < b.Count)
        {
            _priorRow = new double[b.Count];
        }

        var prior = _priorRow.AsSpan(0, b.Count);
        double s2 = TargetScale * TargetScale;
        double sf2 = _hyper.SignalVariance;
        for (int i = 0; i < a.Count; i++)
        {
            var xa = sa.AsSpan(i * d, d);
            var ra = va.AsSpan(i * n, n);
            for (int j = 0; j < b.Count; j++)
            {
                prior[j] = DenseKernels.SquaredDistance(xa, sb.AsSpan(j * d, d));
            }

            StationaryKernel.Correlations(_family, prior, sf2);
            for (int j = 0; j < b.Count; j++)
            {
                covariance[i, j] = s2 * (prior[j] - DenseKernels.Dot(ra, vb.AsSpan(j * n, n)));
            }
        }
    }

    /// <summary>Scaled coordinates and L^-1 k(X, x) of each point, into grow-only scratch arrays.</summary>
    private void ScaledSolved(IReadOnlyList<double[]> points, ref double[] scaled, ref double[] solved)
    {
        int d = Dimension, n = Count;
        if (scaled.Length < points.Count * d)
        {
            scaled = new double[points.Count * d];
        }

        if (solved.Length < points.Count * n)
        {
            solved = new double[Math.Max(points.Count * n, 2 * solved.Length)];
        }

        for (int i = 0; i < points.Count; i++)
        {
            CheckInput(points[i], nameof(points));
            ScalePoint(points[i], scaled.AsSpan(i * d, d));
            var v = solved.AsSpan(i * n, n);
            CrossCovariance(scaled.AsSpan(i * d, d), v);
            _chol.SolveLowerInPlace(v);
        }
    }

    /// <summary>sigma_f^2 rho(x_i, point) for the first target.Length stored points.</summary>
    private void CrossCovariance(ReadOnlySpan<double> scaledPoint, Span<double> target)
    {
        int d = Dimension;
        double sf2 = _hyper.SignalVariance;
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = DenseKernels.SquaredDistance(scaledPoint, _scaled.AsSpan(i * d, d));
        }

        StationaryKernel.Correlations(_family, target, sf2);
    }

    private void ScalePoint(double[] point, Span<double> scaled)
    {
        for (int j = 0; j < scaled.Length; j++)
        {
            scaled[j] = point[j] * _invLength[j];
        }
    }

    private void ScaleRow(int i)
    {
        int d = Dimension;
        for (int j = 0; j < d; j++)
        {
            _scaled[i * d + j] = _raw[i * d + j] * _invLength[j];
        }
    }

    private void SetInverseLengths()
    {
        var ls = _hyper.LengthScaleSpan;
        for (int j = 0; j < Dimension; j++)
        {
            _invLength[j] = 1.0 / ls[j];
        }

        for (int i = 0; i < Count; i++)
        {
            ScaleRow(i);
        }
    }

    private void SetTransform(IReadOnlyList<double> targets)
    {
        int n = targets.Count;
        double mean = 0.0;
        for (int i = 0; i < n; i++)
        {
            mean += targets[i];
        }

        mean /= n;
        TargetMean = Options.Mean == GpMean.Constant ? mean : 0.0;
        TargetScale = 1.0;
        if (Options.Standardize)
        {
            // Spread about the sample mean with ddof 0, as numpy.std in scikit-learn's normalize_y.
            double ss = 0.0;
            for (int i = 0; i < n; i++)
            {
                double t = targets[i] - mean;
                ss += t * t;
            }

            double sd = Math.Sqrt(ss / n);
            TargetScale = sd > 0.0 ? sd : 1.0;
        }
    }

    private void EnsureCapacity(int n)
    {
        if (_y.Length >= n)
        {
            return;
        }

        int cap = Math.Max(n, 2 * _y.Length);
        Array.Resize(ref _y, cap);
        Array.Resize(ref _z, cap);
        Array.Resize(ref _work, 4 * cap);
        Array.Resize(ref _raw, cap * Dimension);
        Array.Resize(ref _scaled, cap * Dimension);
    }

    private void CheckInput(double[] x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Length != Dimension)
        {
            throw new ArgumentException($"Point has {x.Length} coordinates but the model dimension is {Dimension}.", name);
        }

        for (int j = 0; j < x.Length; j++)
        {
            if (!double.IsFinite(x[j]))
            {
                throw new ArgumentException($"Coordinate {j} of a point is {x[j]}; coordinates must be finite.", name);
            }
        }
    }

    private static void CheckTarget(double y, string name)
    {
        if (!double.IsFinite(y))
        {
            throw new ArgumentException($"Target {y} is not finite.", name);
        }
    }

    private static double[] ToTheta(GpHyperparameters h)
    {
        var t = new double[h.LengthScales.Count + 2];
        for (int j = 0; j < h.LengthScales.Count; j++)
        {
            t[j] = Math.Log(h.LengthScales[j]);
        }

        t[^2] = Math.Log(h.SignalVariance);
        // A fixed zero noise has no logarithm; the likelihood search then uses 1e-12 (our choice), while the
        // final model keeps exactly zero noise plus whatever jitter its factorisation needs.
        t[^1] = h.NoiseVariance > 0.0 ? Math.Log(h.NoiseVariance) : Math.Log(1e-12);
        return t;
    }

    private GpHyperparameters FromTheta(ReadOnlySpan<double> theta)
    {
        var ls = new double[Dimension];
        for (int j = 0; j < Dimension; j++)
        {
            ls[j] = Math.Exp(theta[j]);
        }

        double noise = Options.OptimizeNoise ? Math.Exp(theta[Dimension + 1]) : _hyper.NoiseVariance;
        return new GpHyperparameters(ls, Math.Exp(theta[Dimension]), noise);
    }
}
