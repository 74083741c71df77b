using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Surrogates.Neural;

/// <summary>
/// A fully connected regression network with one linear output, in scikit-learn's <c>MLPRegressor</c> conventions
/// (ALMAB-DC Appendix C "MLP"; Appendix A's deep ensembles): parameters are, layer by layer, the weight matrix
/// W_l (fan_in x fan_out, row-major, scikit-learn's <c>coefs_[l]</c>) then the bias b_l (<c>intercepts_[l]</c>).
/// The loss over n samples is sum (f(x_i) - y_i)^2 / (2n) + alpha sum ||W_l||^2 / (2n) (biases not penalized),
/// exactly scikit-learn's squared-error loss, and <see cref="LossAndGradient"/> returns its exact gradient by
/// back-propagation. Glorot-uniform initialization: every weight and bias uniform on +-sqrt(6 / (fan_in + fan_out)).
/// Not thread-safe (it owns its scratch buffers); separate networks can train on separate threads.
/// </summary>
public sealed class MlpNetwork
{
    private readonly int[] _sizes;
    private readonly int[] _offsets;
    private double[][] _act = [];
    private double[][] _delta = [];
    private readonly double[][] _single;

    /// <summary>Creates a network with <paramref name="inputs"/> inputs, the given hidden widths and one output.</summary>
    public MlpNetwork(int inputs, IReadOnlyList<int> hidden, MlpActivation activation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentNullException.ThrowIfNull(hidden);
        if (!Enum.IsDefined(activation))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }

        _sizes = new int[hidden.Count + 2];
        _sizes[0] = inputs;
        for (int l = 0; l < hidden.Count; l++)
        {
            if (hidden[l] < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(hidden), hidden[l], "Hidden widths must be >= 1.");
            }

            _sizes[l + 1] = hidden[l];
        }

        _sizes[^1] = 1;
        _offsets = new int[_sizes.Length];
        int p = 0;
        for (int l = 0; l + 1 < _sizes.Length; l++)
        {
            _offsets[l] = p;
            p += _sizes[l] * _sizes[l + 1] + _sizes[l + 1];
        }

        _offsets[^1] = p;
        Parameters = new double[p];
        Activation = activation;
        _single = _sizes.Select(s => new double[s]).ToArray();
    }

    /// <summary>The hidden activation.</summary>
    public MlpActivation Activation { get; }

    /// <summary>Layer widths, inputs first, output (1) last.</summary>
    public IReadOnlyList<int> Sizes => _sizes;

    /// <summary>All weights and biases in the documented layout; writable (tests, snapshots, optimizers).</summary>
    public double[] Parameters { get; }

    /// <summary>Offset in <see cref="Parameters"/> of layer l's weight matrix (its bias follows it).</summary>
    public int WeightOffset(int layer) => _offsets[layer];

    /// <summary>Glorot-uniform initialization from <paramref name="rng"/>, layer by layer, weights then biases.</summary>
    public void Initialize(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        for (int l = 0; l + 1 < _sizes.Length; l++)
        {
            double bound = Math.Sqrt(6.0 / (_sizes[l] + _sizes[l + 1]));
            int count = _sizes[l] * _sizes[l + 1] + _sizes[l + 1];
            for (int k = 0; k < count; k++)
            {
                Parameters[_offsets[l] + k] = bound * (2.0 * rng.NextDouble() - 1.0);
            }
        }
    }

    /// <summary>The network's output at one input.</summary>
    public double Predict(ReadOnlySpan<double> x)
    {
        if (x.Length != _sizes[0])
        {
            throw new ArgumentException($"Expected {_sizes[0]} inputs, got {x.Length}.", nameof(x));
        }

        x.CopyTo(_single[0]);
        for (int l = 0; l + 1 < _sizes.Length; l++)
        {
            Layer(l, _single[l], _single[l + 1], l + 2 < _sizes.Length);
        }

        return _single[^1][0];
    }

    /// <summary>Width of the last hidden layer (the features the linear output layer weighs).</summary>
    public int FeatureCount => _sizes[^2];

    /// <summary>Offset of the output layer's parameters: <see cref="FeatureCount"/> weights, then the bias.</summary>
    public int OutputOffset => _offsets[^2];

    /// <summary>The last hidden layer's activations at <paramref name="x"/> into <paramref name="features"/> (length <see cref="FeatureCount"/>).</summary>
    public void Features(ReadOnlySpan<double> x, Span<double> features)
    {
        if (x.Length != _sizes[0] || features.Length != FeatureCount)
        {
            throw new ArgumentException($"Expected {_sizes[0]} inputs and {FeatureCount} features.");
        }

        x.CopyTo(_single[0]);
        for (int l = 0; l + 2 < _sizes.Length; l++)
        {
            Layer(l, _single[l], _single[l + 1], true);
        }

        _single[^2].AsSpan().CopyTo(features);
    }

    /// <summary>
    /// Loss of the batch (row-major <paramref name="x"/>, n rows) and, into <paramref name="gradient"/> (length
    /// <see cref="Parameters"/>, or empty), its gradient with respect to every parameter.
    /// </summary>
    public double LossAndGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double alpha, Span<double> gradient)
    {
        int n = y.Length, layers = _sizes.Length - 1;
        if (n == 0 || x.Length != n * _sizes[0])
        {
            throw new ArgumentException($"Expected {n * _sizes[0]} inputs for {n} targets, got {x.Length}.", nameof(x));
        }

        if (!gradient.IsEmpty && gradient.Length != Parameters.Length)
        {
            throw new ArgumentException($"gradient must have length {Parameters.Length}.", nameof(gradient));
        }

        EnsureBatch(n);
        x.CopyTo(_act[0]);
        for (int l = 0; l < layers; l++)
        {
            for (int r = 0; r < n; r++)
            {
                Layer(l, _act[l].AsSpan(r * _sizes[l], _sizes[l]), _act[l + 1].AsSpan(r * _sizes[l + 1], _sizes[l + 1]), l + 1 < layers);
            }
        }

        double loss = 0.0;
        var output = _act[layers];
        var top = _delta[layers];
        for (int r = 0; r < n; r++)
        {
            double e = output[r] - y[r];
            top[r] = e;
            loss += e * e;
        }

        double penalty = 0.0;
        for (int l = 0; l < layers; l++)
        {
            var w = Parameters.AsSpan(_offsets[l], _sizes[l] * _sizes[l + 1]);
            penalty += VectorMath.Dot(w, w);
        }

        loss = loss / (2.0 * n) + 0.5 * alpha * penalty / n;
        if (gradient.IsEmpty)
        {
            return loss;
        }

        gradient.Clear();
        for (int l = layers - 1; l >= 0; l--)
        {
            Backward(l, n, alpha, gradient);
        }

        return loss;
    }

    /// <summary>Gradient of layer l's parameters from delta[l + 1], then delta[l] for the layer below (hidden layers only).</summary>
    private void Backward(int l, int n, double alpha, Span<double> gradient)
    {
        int fanIn = _sizes[l], fanOut = _sizes[l + 1];
        var gw = gradient.Slice(_offsets[l], fanIn * fanOut);
        var gb = gradient.Slice(_offsets[l] + fanIn * fanOut, fanOut);
        var w = Parameters.AsSpan(_offsets[l], fanIn * fanOut);
        var a = _act[l];
        var d = _delta[l + 1];
        for (int r = 0; r < n; r++)
        {
            var dr = d.AsSpan(r * fanOut, fanOut);
            for (int i = 0; i < fanIn; i++)
            {
                VectorMath.Axpy(a[r * fanIn + i], dr, gw.Slice(i * fanOut, fanOut));
            }

            VectorMath.Axpy(1.0, dr, gb);
        }

        for (int k = 0; k < gw.Length; k++)
        {
            gw[k] = (gw[k] + alpha * w[k]) / n;
        }

        for (int k = 0; k < gb.Length; k++)
        {
            gb[k] /= n;
        }

        if (l == 0)
        {
            return;
        }

        var below = _delta[l];
        for (int r = 0; r < n; r++)
        {
            var dr = d.AsSpan(r * fanOut, fanOut);
            for (int i = 0; i < fanIn; i++)
            {
                double s = VectorMath.Dot(w.Slice(i * fanOut, fanOut), dr);
                double h = a[r * fanIn + i];
                below[r * fanIn + i] = Activation == MlpActivation.Tanh ? s * (1.0 - h * h) : h > 0.0 ? s : 0.0;
            }
        }
    }

    /// <summary>output = act(input W_l + b_l) (identity on the output layer).</summary>
    private void Layer(int l, ReadOnlySpan<double> input, Span<double> output, bool hidden)
    {
        int fanIn = _sizes[l], fanOut = _sizes[l + 1];
        var w = Parameters.AsSpan(_offsets[l], fanIn * fanOut);
        Parameters.AsSpan(_offsets[l] + fanIn * fanOut, fanOut).CopyTo(output);
        for (int i = 0; i < fanIn; i++)
        {
            VectorMath.Axpy(input[i], w.Slice(i * fanOut, fanOut), output);
        }

        if (!hidden)
        {
            return;
        }

        for (int j = 0; j < fanOut; j++)
        {
            output[j] = Activation == MlpActivation.Tanh ? Math.Tanh(output[j]) : Math.Max(output[j], 0.0);
        }
    }

    private void EnsureBatch(int n)
    {
        if (_act.Length > 0 && _act[0].Length >= n * _sizes[0])
        {
            return;
        }

        int capacity = Math.Max(n, 2 * (_act.Length > 0 ? _act[0].Length / _sizes[0] : 8));
        _act = _sizes.Select(s => new double[capacity * s]).ToArray();
        _delta = _sizes.Select(s => new double[capacity * s]).ToArray();
    }
}
