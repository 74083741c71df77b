using Almab.Algorithms.Surrogates.Ensembles;

namespace Almab.Algorithms.Surrogates.Neural;

/// <summary>
/// Deep-ensemble MLP surrogate (ALMAB-DC Appendix C "MLP"; Lakshminarayanan et al. 2017 without adversarial
/// training): M networks from different seeded initializations are trained full-batch on the standardized targets;
/// the latent mean and variance are the mean and population variance of their predictions, on the original scale.
/// <see cref="Fit"/> trains from fresh initializations (nothing to optimize beyond the weights, so the
/// <c>optimizeHyperparameters</c> flag is ignored); <see cref="Add"/> warm-starts every member for
/// <see cref="MlpEnsembleOptions.AddSteps"/> steps; a Kriging-believer fantasy is taken in by each member's
/// last-layer Bayesian linear regression (<see cref="LastLayerPosterior"/>: the output layer moves, the hidden layers
/// stay), which provably shrinks the ensemble's spread at the fantasy; <see cref="PopFantasy"/> restores the saved
/// output layer and posterior exactly. Gradient steps would not do: further Adam steps move every weight and can widen
/// the spread anywhere. The output transform (mean, sd of the targets) is frozen
/// at <see cref="Fit"/>. <see cref="NoiseVariance"/> is the ensemble mean's training residual variance.
/// Not thread-safe; members train in parallel (<see cref="MlpEnsembleOptions.MaxDegreeOfParallelism"/>).
/// </summary>
public sealed class MlpEnsembleSurrogate : ISurrogate
{
    private readonly MlpNetwork[] _members;
    private readonly AdamState[] _adam;
    private readonly double[][] _gradients;
    private readonly List<double> _x = [];
    private readonly List<double> _z = [];
    private readonly LastLayerPosterior[] _last;
    private readonly Stack<(double[] Output, double[] Inverse)[]> _saved = new();
    private int _observed;
    private bool _fitted;
    private double[] _buffer = [];
    private double[] _bufferB = [];

    /// <summary>Creates an untrained ensemble over <paramref name="dimension"/> encoded inputs.</summary>
    public MlpEnsembleSurrogate(int dimension, MlpEnsembleOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Options = options ?? new MlpEnsembleOptions();
        Options.Validate();
        Dimension = dimension;
        _members = new MlpNetwork[Options.Members];
        _adam = new AdamState[Options.Members];
        _gradients = new double[Options.Members][];
        _last = new LastLayerPosterior[Options.Members];
        for (int m = 0; m < _members.Length; m++)
        {
            _members[m] = new MlpNetwork(dimension, Options.Hidden, Options.Activation);
            _adam[m] = new AdamState(_members[m].Parameters.Length, Options.LearningRate);
            _gradients[m] = new double[_members[m].Parameters.Length];
            _last[m] = new LastLayerPosterior(_members[m].FeatureCount);
        }
    }

    /// <summary>The settings this ensemble was built with.</summary>
    public MlpEnsembleOptions Options { get; }

    /// <summary>The member networks.</summary>
    public IReadOnlyList<MlpNetwork> Members => _members;

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public int Count => _z.Count;

    /// <summary>Mean subtracted from the targets at the last <see cref="Fit"/>.</summary>
    public double TargetMean { get; private set; }

    /// <summary>Scale the centred targets were divided by at the last <see cref="Fit"/> (ddof 0; 1 if they were constant).</summary>
    public double TargetScale { get; private set; } = 1.0;

    /// <inheritdoc />
    public double NoiseVariance { get; private set; }

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> inputs, IReadOnlyList<double> targets, bool optimizeHyperparameters)
    {
        SurrogateChecks.Data(inputs, targets, Dimension);
        _saved.Clear();
        int n = targets.Count;
        double mean = targets.Average();
        double ss = 0.0;
        foreach (double t in targets)
        {
            ss += (t - mean) * (t - mean);
        }

        TargetMean = mean;
        TargetScale = ss > 0 ? Math.Sqrt(ss / n) : 1.0;
        _x.Clear();
        _z.Clear();
        for (int i = 0; i < n; i++)
        {
            _x.AddRange(inputs[i]);
            _z.Add((targets[i] - TargetMean) / TargetScale);
        }

        _observed = n;
        var seed = Options.Seed.Derive("fit").Derive(n);
        Train(Options.Epochs, m =>
        {
            _members[m].Initialize(seed.Derive(m).CreateRng());
            _adam[m].Reset();
        });
        _fitted = true;
        NoiseVariance = TrainingResidualVariance();
    }

    /// <inheritdoc />
    public void Add(double[] input, double target)
    {
        if (_saved.Count > 0)
        {
            throw new InvalidOperationException($"Pop the {_saved.Count} fantasies before adding a real observation.");
        }

        SurrogateChecks.Input(input, Dimension, nameof(input));
        SurrogateChecks.Target(target, nameof(target));
        RequireFit();
        _x.AddRange(input);
        _z.Add((target - TargetMean) / TargetScale);
        _observed++;
        Train(Options.AddSteps, null);
        NoiseVariance = TrainingResidualVariance();
    }

    /// <inheritdoc />
    public void PushFantasy(double[] input, double target)
    {
        SurrogateChecks.Input(input, Dimension, nameof(input));
        SurrogateChecks.Target(target, nameof(target));
        RequireFit();
        var saved = new (double[], double[])[_members.Length];
        for (int m = 0; m < _members.Length; m++)
        {
            var net = _members[m];
            saved[m] = (net.Parameters.AsSpan(net.OutputOffset, _last[m].Size).ToArray(), (double[])_last[m].Inverse.Clone());
            _last[m].Absorb(net, input, (target - TargetMean) / TargetScale);
        }

        _saved.Push(saved);
        _x.AddRange(input);
        _z.Add((target - TargetMean) / TargetScale);
    }

    /// <inheritdoc />
    public void PopFantasy()
    {
        if (_saved.Count == 0)
        {
            throw new InvalidOperationException("There is no fantasy to pop.");
        }

        var saved = _saved.Pop();
        for (int m = 0; m < _members.Length; m++)
        {
            saved[m].Output.CopyTo(_members[m].Parameters, _members[m].OutputOffset);
            saved[m].Inverse.CopyTo(_last[m].Inverse, 0);
        }

        _x.RemoveRange(_x.Count - Dimension, Dimension);
        _z.RemoveAt(_z.Count - 1);
    }

    /// <inheritdoc />
    public void Predict(IReadOnlyList<double[]> points, Span<double> mean, Span<double> variance)
    {
        ArgumentNullException.ThrowIfNull(points);
        SurrogateChecks.Outputs(points.Count, mean, variance);
        RequireFit();
        MemberPredictions(points, ref _buffer);
        EnsembleMoments.MeanVariance(_buffer, _members.Length, points.Count, mean, variance);
        double s2 = TargetScale * TargetScale;
        for (int i = 0; i < points.Count; i++)
        {
            mean[i] = TargetMean + TargetScale * mean[i];
            variance[i] *= s2;
        }
    }

    /// <inheritdoc />
    public void PredictCovariance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, double[,] covariance)
    {
        SurrogateChecks.Covariance(a, b, covariance);

        RequireFit();
        MemberPredictions(a, ref _buffer);
        MemberPredictions(b, ref _bufferB);
        EnsembleMoments.Covariance(_buffer, a.Count, _bufferB, b.Count, _members.Length, covariance);
        double s2 = TargetScale * TargetScale;
        for (int i = 0; i < a.Count; i++)
        {
            for (int j = 0; j < b.Count; j++)
            {
                covariance[i, j] *= s2;
            }
        }
    }

    private void RequireFit()
    {
        if (!_fitted)
        {
            throw new InvalidOperationException("Fit the ensemble before using it.");
        }
    }

    /// <summary>Runs <paramref name="steps"/> full-batch Adam steps on every member (after <paramref name="prepare"/>), members in parallel.</summary>
    private void Train(int steps, Action<int>? prepare)
    {
        double[] x = [.. _x], z = [.. _z];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism };
        Parallel.For(0, _members.Length, parallel, m =>
        {
            prepare?.Invoke(m);
            var net = _members[m];
            for (int s = 0; s < steps; s++)
            {
                net.LossAndGradient(x, z, Options.Alpha, _gradients[m]);
                _adam[m].Step(net.Parameters, _gradients[m]);
            }

            _last[m].Reset(net, x, z.Length, Dimension);
        });
    }

    private double TrainingResidualVariance()
    {
        double ss = 0.0;
        for (int i = 0; i < _observed; i++)
        {
            double s = 0.0;
            var xi = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_x).Slice(i * Dimension, Dimension);
            for (int m = 0; m < _members.Length; m++)
            {
                s += _members[m].Predict(xi);
            }

            double e = s / _members.Length - _z[i];
            ss += e * e;
        }

        return TargetScale * TargetScale * ss / _observed;
    }

    /// <summary>Member-major predictions on the standardized scale: buffer[m * count + i].</summary>
    private void MemberPredictions(IReadOnlyList<double[]> points, ref double[] buffer)
    {
        int count = points.Count, members = _members.Length;
        for (int i = 0; i < count; i++)
        {
            SurrogateChecks.Input(points[i], Dimension, nameof(points));
        }

        if (buffer.Length < members * count)
        {
            buffer = new double[members * count];
        }

        var target = buffer;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism };
        Parallel.For(0, members, parallel, m =>
        {
            for (int i = 0; i < count; i++)
            {
                target[m * count + i] = _members[m].Predict(points[i]);
            }
        });
    }
}
