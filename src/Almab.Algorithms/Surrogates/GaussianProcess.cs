using Almab.Algorithms.Surrogates.Kernels;

namespace Almab.Algorithms.Surrogates;

/// <summary>
/// Exact Gaussian-process regression surrogate (ALMAB-DC section 2.2, the "GP surrogate update" of
/// Figure 2): ARD stationary kernel plus Gaussian noise, constant or zero mean, optional output
/// standardization, Cholesky inference with adaptive jitter, type-II maximum-likelihood hyperparameters
/// (see <see cref="GpHyperparameterFitter"/>), O(n^2) appends and exactly undoable Kriging-believer fantasies.
/// Conventions equal scikit-learn's <c>GaussianProcessRegressor</c> with kernel
/// <c>ConstantKernel * (RBF|Matern) + WhiteKernel</c>: the log marginal likelihood is that of the transformed
/// targets, and the output transform (mean, scale) is frozen at <see cref="Fit"/> so that
/// <see cref="Add"/> and fantasies stay O(n^2). Not thread-safe.
/// </summary>
public sealed partial class GaussianProcess : ISurrogate
{
    private readonly KernelFamily _family;
    private readonly CholeskyRows _chol = new();
    private GpHyperparameters _hyper;
    private const int InitialCapacity = 16;
    private double[] _raw;
    private double[] _scaled;
    private double[] _y = new double[InitialCapacity];
    private double[] _z = new double[InitialCapacity];
    private double[] _work = new double[8 * InitialCapacity];
    private readonly double[] _invLength;
    private double[] _scaledA = [];
    private double[] _solvedA = [];
    private double[] _scaledB = [];
    private double[] _solvedB = [];
    private double[] _priorRow = [];
    private int _observed;

    /// <summary>Creates an unfitted GP over <paramref name="dimension"/> encoded inputs.</summary>
    public GaussianProcess(int dimension, GaussianProcessOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Options = options ?? new GaussianProcessOptions();
        Options.Validate(dimension);
        Dimension = dimension;
        _family = Options.Kernel;
        _hyper = Options.InitialHyperparameters ?? GpHyperparameters.Isotropic(dimension, 0.5, 1.0, 1e-2);
        _invLength = new double[dimension];
        _raw = new double[InitialCapacity * dimension];
        _scaled = new double[InitialCapacity * dimension];
        SetInverseLengths();
    }

    /// <summary>The settings this model was built with.</summary>
    public GaussianProcessOptions Options { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <summary>Number of fantasies currently pushed.</summary>
    public int FantasyCount => Count - _observed;

    /// <summary>Current hyperparameters (internal output scale).</summary>
    public GpHyperparameters Hyperparameters => _hyper;

    /// <summary>Mean subtracted from targets (0 for <see cref="GpMean.Zero"/> or before any fit).</summary>
    public double TargetMean { get; private set; }

    /// <summary>Scale targets are divided by (1 without standardization or before any fit).</summary>
    public double TargetScale { get; private set; } = 1.0;

    /// <summary>Diagonal jitter the last full factorisation needed (0 when none).</summary>
    public double Jitter { get; private set; }

    /// <inheritdoc />
    public double NoiseVariance => _hyper.NoiseVariance * TargetScale * TargetScale;

    /// <summary>
    /// Log marginal likelihood of the transformed targets under the current hyperparameters, fantasies
    /// included: -y^T K^-1 y / 2 - log|K| / 2 - n log(2 pi) / 2, with K the noisy (and jittered) covariance.
    /// </summary>
    public double LogMarginalLikelihood =>
        -0.5 * DenseKernels.Dot(_z.AsSpan(0, Count), _z.AsSpan(0, Count)) - _chol.HalfLogDeterminant()
        - 0.5 * Count * Math.Log(2.0 * Math.PI);

    /// <summary>
    /// Conditions on the data from scratch. The output transform is recomputed from
    /// <paramref name="targets"/>; with <paramref name="optimizeHyperparameters"/> the first optimisation start
    /// is the current hyperparameters (the initial ones on the first fit). Removes all fantasies.
    /// </summary>
    public void Fit(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, bool optimizeHyperparameters)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputs.Count != targets.Count)
        {
            throw new ArgumentException($"Got {inputs.Count} inputs but {targets.Count} targets.", nameof(targets));
        }

        if (inputs.Count == 0)
        {
            throw new ArgumentException("Fit needs at least one observation.", nameof(inputs));
        }

        int n = inputs.Count, d = Dimension;
        for (int i = 0; i < n; i++)
        {
            // Validate everything before touching the stored data, so a bad call leaves the model intact.
            CheckInput(inputs[i], nameof(inputs));
            CheckTarget(targets[i], nameof(targets));
        }

        EnsureCapacity(n);
        for (int i = 0; i < n; i++)
        {
            inputs[i].AsSpan().CopyTo(_raw.AsSpan(i * d, d));
        }

        SetTransform(targets);
        for (int i = 0; i < n; i++)
        {
            _y[i] = (targets[i] - TargetMean) / TargetScale;
        }

        Count = n;
        _observed = n;
        if (optimizeHyperparameters)
        {
            var likelihood = new GpLikelihood(_family, inputs, _y.AsSpan(0, n));
            var (theta, _) = GpHyperparameterFitter.Fit(likelihood, Options, ToTheta(_hyper), d);
            _hyper = FromTheta(theta);
        }

        SetInverseLengths();
        Refactor();
    }

    /// <summary>Replaces the hyperparameters (internal output scale) and refactors the current data.</summary>
    public void SetHyperparameters(GpHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        if (hyperparameters.LengthScales.Count != Dimension)
        {
            throw new ArgumentException(
                $"Expected {Dimension} length scales, got {hyperparameters.LengthScales.Count}.", nameof(hyperparameters));
        }

        _hyper = hyperparameters;
        SetInverseLengths();
        Refactor();
    }

    /// <inheritdoc />
    public void Add(double[] input, double target)
    {
        if (FantasyCount > 0)
        {
            throw new InvalidOperationException($"Pop the {FantasyCount} fantasies before adding a real observation.");
        }

        Append(input, target);
        _observed = Count;
    }

    /// <inheritdoc />
    public void PushFantasy(double[] input, double target) => Append(input, target);

    /// <inheritdoc />
    public void PopFantasy()
    {
        if (FantasyCount == 0)
        {
            throw new InvalidOperationException("There is no fantasy to pop.");
        }

        _chol.DropLast();
        Count--;
    }

    /// <summary>
    /// Log marginal likelihood of the real (non-fantasy) observations at log-hyperparameters
    /// <paramref name="logTheta"/> = [log l_1..log l_d, log sigma_f^2, log sigma_n^2], and its analytic gradient
    /// into <paramref name="gradient"/> (length d + 2, or empty to skip it). Builds a fresh likelihood workspace
    /// (O(n^2) memory) per call: meant for diagnostics and tests, not for inner loops.
    /// </summary>
    public double EvaluateLogMarginalLikelihood(ReadOnlySpan<double> logTheta, Span<double> gradient)
    {
        if (logTheta.Length != Dimension + 2 || (!gradient.IsEmpty && gradient.Length != Dimension + 2))
        {
            throw new ArgumentException($"logTheta and gradient must have length {Dimension + 2}.");
        }

        if (_observed == 0)
        {
            throw new InvalidOperationException("Fit the model before evaluating its likelihood.");
        }

        var inputs = new double[_observed][];
        for (int i = 0; i < _observed; i++)
        {
            inputs[i] = _raw.AsSpan(i * Dimension, Dimension).ToArray();
        }

        return new GpLikelihood(_family, inputs, _y.AsSpan(0, _observed)).Evaluate(logTheta, gradient);
    }

    private void Append(double[] input, double target)
    {
        CheckInput(input, nameof(input));
        CheckTarget(target, nameof(target));
        int n = Count, d = Dimension;
        EnsureCapacity(n + 1);
        input.AsSpan().CopyTo(_raw.AsSpan(n * d, d));
        ScaleRow(n);
        var cross = _work.AsSpan(0, n);
        CrossCovariance(_scaled.AsSpan(n * d, d), cross);
        double prior = _hyper.SignalVariance + _hyper.NoiseVariance + Jitter;

        // Protocol note (our choice): if the new row is not positive, only its own diagonal gets the growing
        // jitter, so the existing factor is untouched and a pop restores it bit for bit.
        bool ok = false;
        for (int attempt = 0; attempt < JitterSchedule.Attempts && !ok; attempt++)
        {
            ok = _chol.TryAppend(cross, prior + JitterSchedule.Jitter(attempt, prior));
        }

        if (!ok)
        {
            throw new InvalidOperationException("The covariance matrix is not positive definite even with maximal jitter.");
        }

        double y = (target - TargetMean) / TargetScale;
        _y[n] = y;
        double[] row = _chol.Row(n);
        _z[n] = (y - DenseKernels.Dot(row.AsSpan(0, n), _z.AsSpan(0, n))) / row[n];
        Count = n + 1;
    }

    private void Refactor()
    {
        int n = Count;
        if (n == 0)
        {
            return;
        }

        _chol.EnsureRows(n);
        double sf2 = _hyper.SignalVariance;
        double diag = sf2 + _hyper.NoiseVariance;
        int d = Dimension;
        for (int attempt = 0; attempt < JitterSchedule.Attempts; attempt++)
        {
            double jitter = JitterSchedule.Jitter(attempt, diag);
            for (int a = 0; a < n; a++)
            {
                double[] row = _chol.Row(a);
                var xa = _scaled.AsSpan(a * d, d);
                for (int b = 0; b < a; b++)
                {
                    row[b] = DenseKernels.SquaredDistance(xa, _scaled.AsSpan(b * d, d));
                }

                StationaryKernel.Correlations(_family, row.AsSpan(0, a), sf2);

                row[a] = diag;
            }

            if (_chol.TryFactor(n, jitter))
            {
                Jitter = jitter;
                _y.AsSpan(0, n).CopyTo(_z);
                _chol.SolveLowerInPlace(_z.AsSpan(0, n));
                return;
            }
        }

        throw new InvalidOperationException("The covariance matrix is not positive definite even with maximal jitter.");
    }
}
