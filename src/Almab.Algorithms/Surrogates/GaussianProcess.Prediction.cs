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
    /// Points go through in panels of eight (two 256-bit vectors, four points each) and the rest in panels of four:
    /// distances, correlations and the forward substitution are all lane-parallel, with no horizontal sums, and
    /// every lane does the same operations in the same order whatever panel it is in, so a point's result does not
    /// depend on its position in the batch (a partial last panel repeats its last point in the empty lanes).
    /// </summary>
    public void Predict(IReadOnlyList<double[]> points, Span<double> mean, Span<double> variance)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (mean.Length < points.Count || variance.Length < points.Count)
        {
            throw new ArgumentException($"mean and variance must hold {points.Count} values.");
        }

        int d = Dimension, count = points.Count;
        Span<Vector256<double>> coordinates = d <= 16 ? stackalloc Vector256<double>[2 * d] : new Vector256<double>[2 * d];
        int p = 0;
        for (; p + 8 <= count; p += 8)
        {
            LoadCoordinates(points, p, coordinates[..d]);
            LoadCoordinates(points, p + 4, coordinates[d..]);
            PredictPanel8(coordinates, p, mean, variance);
        }

        for (; p < count; p += 4)
        {
            LoadCoordinates(points, p, coordinates[..d]);
            PredictPanel4(coordinates[..d], p, count, mean, variance);
        }
    }

    /// <summary>Scaled coordinates of points p..p+3 lane-wise (points past the end repeat the last one).</summary>
    private void LoadCoordinates(IReadOnlyList<double[]> points, int p, Span<Vector256<double>> coordinates)
    {
        int count = points.Count;
        double[] x0 = points[Math.Min(p, count - 1)], x1 = points[Math.Min(p + 1, count - 1)];
        double[] x2 = points[Math.Min(p + 2, count - 1)], x3 = points[Math.Min(p + 3, count - 1)];
        CheckInput(x0, nameof(points));
        CheckInput(x1, nameof(points));
        CheckInput(x2, nameof(points));
        CheckInput(x3, nameof(points));
        for (int j = 0; j < coordinates.Length; j++)
        {
            double il = _invLength[j];
            coordinates[j] = Vector256.Create(x0[j] * il, x1[j] * il, x2[j] * il, x3[j] * il);
        }
    }

    private void PredictPanel4(ReadOnlySpan<Vector256<double>> coordinates, int p, int count, Span<double> mean, Span<double> variance)
    {
        int n = Count;
        double sf2 = _hyper.SignalVariance;
        var m = Vector256<double>.Zero;
        var vv = Vector256<double>.Zero;
        if (n > 0)
        {
            var panel = MemoryMarshal.Cast<double, Vector256<double>>(_work.AsSpan(0, 4 * n));
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
            Store(p + r, m[r], vv[r], mean, variance);
        }
    }

    /// <summary>Eight points: the four-point panel's operations on two interleaved vectors (rows 2i and 2i + 1).</summary>
    private void PredictPanel8(ReadOnlySpan<Vector256<double>> coordinates, int p, Span<double> mean, Span<double> variance)
    {
        int n = Count;
        double sf2 = _hyper.SignalVariance;
        var ma = Vector256<double>.Zero;
        var mb = Vector256<double>.Zero;
        var va = Vector256<double>.Zero;
        var vb = Vector256<double>.Zero;
        if (n > 0)
        {
            var panel = MemoryMarshal.Cast<double, Vector256<double>>(_work.AsSpan(0, 8 * n));
            PanelSquaredDistances8(coordinates, panel);
            StationaryKernel.Correlations(_family, MemoryMarshal.Cast<Vector256<double>, double>(panel), sf2);
            _chol.SolveLowerPanel8InPlace(panel);
            var z = _z;
            for (int i = 0; i < n; i++)
            {
                var a = panel[2 * i];
                var b = panel[2 * i + 1];
                ma += a * z[i];
                va += a * a;
                mb += b * z[i];
                vb += b * b;
            }
        }

        for (int r = 0; r < 4; r++)
        {
            Store(p + r, ma[r], va[r], mean, variance);
            Store(p + 4 + r, mb[r], vb[r], mean, variance);
        }
    }

    private void Store(int index, double m, double vv, Span<double> mean, Span<double> variance)
    {
        double sf2 = _hyper.SignalVariance;
        mean[index] = TargetMean + TargetScale * m;
        variance[index] = TargetScale * TargetScale * Math.Max(sf2 - vv, 0.0);
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

    /// <summary>The same for eight points: coordinates[0..d) are points 0-3, [d..2d) points 4-7; rows interleaved.</summary>
    private void PanelSquaredDistances8(ReadOnlySpan<Vector256<double>> coordinates, Span<Vector256<double>> target)
    {
        int d = Dimension, n = target.Length / 2;
        var stored = _scaled;
        var lo = coordinates[..d];
        var hi = coordinates.Slice(d, d);
        for (int i = 0; i < n; i++)
        {
            int o = i * d;
            var acc0 = Vector256<double>.Zero;
            var acc1 = Vector256<double>.Zero;
            for (int j = 0; j < d; j++)
            {
                var s = Vector256.Create(stored[o + j]);
                var t0 = lo[j] - s;
                var t1 = hi[j] - s;
                acc0 += t0 * t0;
                acc1 += t1 * t1;
            }

            target[2 * i] = acc0;
            target[2 * i + 1] = acc1;
        }
    }

    /// <summary>
    /// Posterior covariance of the latent function on the original scale:
    /// s^2 (k(a_i, b_j) - v(a_i)^T v(b_j)), v(x) = L^-1 k(X, x).
    /// </summary>
    public void PredictCovariance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, double[,] covariance)
    {
        Ensembles.SurrogateChecks.Covariance(a, b, covariance);

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
        Array.Resize(ref _work, 8 * cap);
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
