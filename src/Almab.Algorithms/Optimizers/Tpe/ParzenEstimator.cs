using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Optimizers.Tpe;

/// <summary>
/// A univariate Parzen estimator in Optuna 3.x's formulation (optuna/samplers/_tpe/parzen_estimator.py, independent
/// mode): a weighted mixture with one component per observation plus one prior component.
/// Numerical parameters (in their internal scale: log for log parameters) use normals truncated to [low, high]; each
/// component's sigma is the larger gap to its sorted neighbours (the prior mean and the bounds count as neighbours;
/// without "endpoints" the outermost components use their inner gap), clipped to
/// [(high - low) / min(100, 1 + components), high - low] ("magic clip"); the prior is N((low + high) / 2, high - low).
/// A discrete parameter (step q = 1) has the mass of [x - 1/2, x + 1/2] within the bounds, renormalized.
/// Categorical parameters use one row of choice probabilities per observation, prior / (n + 1) on every choice and 1
/// more on the observed one, normalized; the prior row is uniform. Component weights are 1 for the 25 newest
/// observations and ramp linearly from 1/n up to 1 for older ones, the prior weighs <c>priorWeight</c>, all normalized.
/// </summary>
internal sealed class ParzenEstimator
{
    /// <summary>Observations with full weight before the ramp starts (Optuna's default_weights).</summary>
    public const int FlatWeights = 25;

    // Buffers of capacity >= _m (a numerical estimator is refitted in place by TpeOptimizer, one per parameter and
    // group, so a decision allocates nothing); only the first _m entries are the estimator.
    private double[] _weights = [];
    private double[] _cumulative = [];
    private double[] _logConstants = [];
    private double[] _terms = [];
    private double[] _mus = [];
    private double[] _sigmas = [];
    private double[] _sorted = [];
    private double[] _sortedSigmas = [];
    private int[] _order = [];
    private double[][] _choiceProbabilities = [];
    private int _m;
    private double _low;
    private double _high;
    private bool _discrete;
    private bool _normalized;
    private int _choices;

    /// <summary>Normalized component weights (observations in order, then the prior).</summary>
    public ReadOnlySpan<double> Weights => _weights.AsSpan(0, _m);

    /// <summary>Component means (numerical estimators; the prior last).</summary>
    public ReadOnlySpan<double> Mus => _choices > 0 ? [] : _mus.AsSpan(0, _m);

    /// <summary>Component sigmas (numerical estimators; the prior last).</summary>
    public ReadOnlySpan<double> Sigmas => _choices > 0 ? [] : _sigmas.AsSpan(0, _m);

    /// <summary>Builds a numerical estimator on [low, high] (a discrete one has step 1 and bounds widened by 1/2).</summary>
    /// <remarks>
    /// <paramref name="normalizedKernels"/> false reproduces Optuna 3.1-3.4, whose continuous kernel log density lacks
    /// the -log(sigma) term (optuna issue #5109, fixed in 3.5 by PR #5110); true gives proper truncated-normal densities.
    /// </remarks>
    public static ParzenEstimator Numerical(ReadOnlySpan<double> observations, double low, double high, bool discrete, double priorWeight, bool magicClip, bool endpoints, bool normalizedKernels = true)
    {
        var e = new ParzenEstimator();
        e.RefitNumerical(observations, low, high, discrete, priorWeight, magicClip, endpoints, normalizedKernels);
        return e;
    }

    /// <summary>
    /// Makes this estimator exactly what <see cref="Numerical"/> builds from the same arguments, reusing its arrays
    /// (they grow when needed). Estimators handed out by <see cref="Categorical"/> are not refitted.
    /// </summary>
    public void RefitNumerical(ReadOnlySpan<double> observations, double low, double high, bool discrete, double priorWeight, bool magicClip, bool endpoints, bool normalizedKernels = true)
    {
        int n = observations.Length, m = n + 1;
        Reserve(m);
        _m = m;
        _choices = 0;
        var mus = _mus;
        observations.CopyTo(mus);
        mus[n] = 0.5 * (low + high);
        var order = _order.AsSpan(0, m);
        var sorted = _sorted;
        for (int i = 0; i < m; i++)
        {
            order[i] = i;
        }

        // Ties are broken by index, so the order is unique and any correct sort gives it.
        order.Sort(new ByMean(mus));
        sorted[0] = low;
        sorted[m + 1] = high;
        for (int i = 0; i < m; i++)
        {
            sorted[i + 1] = mus[order[i]];
        }

        var sortedSigmas = _sortedSigmas;
        for (int i = 0; i < m; i++)
        {
            sortedSigmas[i] = Math.Max(sorted[i + 1] - sorted[i], sorted[i + 2] - sorted[i + 1]);
        }

        if (!endpoints && m + 2 >= 4)
        {
            sortedSigmas[0] = sorted[2] - sorted[1];
            sortedSigmas[m - 1] = sorted[m] - sorted[m - 1];
        }

        double maxSigma = high - low;
        double minSigma = magicClip ? (high - low) / Math.Min(100.0, 1.0 + m) : 1e-12;
        var sigmas = _sigmas;
        for (int i = 0; i < m; i++)
        {
            sigmas[order[i]] = Math.Clamp(sortedSigmas[i], minSigma, maxSigma);
        }

        sigmas[n] = high - low;
        ComponentWeights(n, priorWeight, _weights.AsSpan(0, m));
        Complete(low, high, discrete, normalizedKernels, m);
    }

    private void Reserve(int m)
    {
        if (_mus.Length >= m)
        {
            return;
        }

        int capacity = Math.Max(m, 2 * _mus.Length);
        _weights = new double[capacity];
        _cumulative = new double[capacity];
        _logConstants = new double[capacity];
        _terms = new double[capacity];
        _mus = new double[capacity];
        _sigmas = new double[capacity];
        _sorted = new double[capacity + 2];
        _sortedSigmas = new double[capacity];
        _order = new int[capacity];
    }

    /// <summary>The cumulative weights and the per-component constants of the log density, from weights, mus and sigmas.</summary>
    private void Complete(double low, double high, bool discrete, bool normalized, int components)
    {
        _low = low;
        _high = high;
        _discrete = discrete;
        _normalized = normalized;
        double sum = 0;
        for (int i = 0; i < _m; i++)
        {
            sum += _weights[i];
            _cumulative[i] = sum;
        }

        // Per-component terms of the log density that do not depend on x: log weight, minus the log mass kept by the
        // truncation, and for continuous kernels the normal's -log(sqrt(2 pi)) and (when normalized) -log(sigma).
        for (int k = 0; k < components; k++)
        {
            double logMass = TruncatedNormal.LogMass((low - _mus[k]) / _sigmas[k], (high - _mus[k]) / _sigmas[k]);
            _logConstants[k] = Math.Log(_weights[k]) - logMass
                + (discrete ? 0 : -TruncatedNormal.LogSqrt2Pi - (normalized ? Math.Log(_sigmas[k]) : 0));
        }
    }

    private readonly struct ByMean(double[] mus) : IComparer<int>
    {
        public int Compare(int x, int y) => mus[x] != mus[y] ? mus[x].CompareTo(mus[y]) : x.CompareTo(y);
    }

    /// <summary>Builds a categorical estimator over <paramref name="choices"/> values (observations are indices).</summary>
    public static ParzenEstimator Categorical(ReadOnlySpan<double> observations, int choices, double priorWeight)
    {
        int n = observations.Length;
        var rows = new double[n + 1][];
        double fill = priorWeight / (n + 1);
        for (int i = 0; i <= n; i++)
        {
            var row = new double[choices];
            Array.Fill(row, fill);
            if (i < n)
            {
                row[(int)observations[i]] += 1;
            }

            double sum = 0;
            for (int c = 0; c < choices; c++)
            {
                sum += row[c];
            }

            for (int c = 0; c < choices; c++)
            {
                row[c] /= sum;
            }

            rows[i] = row;
        }

        var e = new ParzenEstimator
        {
            _weights = ComponentWeights(n, priorWeight),
            _choiceProbabilities = rows,
            _choices = choices,
            _m = n + 1,
        };
        e._cumulative = new double[e._m];
        e.Complete(0, 0, false, true, 0);
        return e;
    }

    /// <summary>Optuna's default_weights for n observations followed by the prior weight, normalized.</summary>
    public static double[] ComponentWeights(int n, double priorWeight)
    {
        var w = new double[n + 1];
        ComponentWeights(n, priorWeight, w);
        return w;
    }

    /// <summary><see cref="ComponentWeights(int, double)"/> into <paramref name="w"/> (length n + 1).</summary>
    private static void ComponentWeights(int n, double priorWeight, Span<double> w)
    {
        int ramp = Math.Max(0, n - FlatWeights);
        for (int i = 0; i < n; i++)
        {
            // numpy.linspace(1/n, 1, num=n-25) for the oldest n - 25, then 25 ones.
            w[i] = i >= ramp ? 1.0 : ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
        }

        w[n] = priorWeight;
        double sum = 0;
        foreach (double v in w)
        {
            sum += v;
        }

        for (int i = 0; i <= n; i++)
        {
            w[i] /= sum;
        }
    }

    /// <summary>
    /// Log density (log mass for discrete and categorical estimators) at <paramref name="x"/>; without normalized
    /// kernels, each continuous kernel is scaled by its sigma as in Optuna 3.1.
    /// </summary>
    public double LogPdf(double x)
    {
        int m = _m;
        if (_choices > 0)
        {
            int c = (int)x;
            double p = 0;
            for (int k = 0; k < m; k++)
            {
                p += _weights[k] * _choiceProbabilities[k][c];
            }

            return Math.Log(p);
        }

        var terms = _terms;
        double max = double.NegativeInfinity;
        for (int k = 0; k < m; k++)
        {
            double mu = _mus[k], sigma = _sigmas[k];
            double lp;
            if (_discrete)
            {
                double upper = Math.Min(x + 0.5, _high), lower = Math.Max(x - 0.5, _low);
                lp = TruncatedNormal.LogMass((lower - mu) / sigma, (upper - mu) / sigma);
            }
            else
            {
                double z = (x - mu) / sigma;
                lp = x < _low || x > _high ? double.NegativeInfinity : -0.5 * z * z;
            }

            terms[k] = lp + _logConstants[k];
            max = Math.Max(max, terms[k]);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double s = 0;
        for (int k = 0; k < m; k++)
        {
            s += Math.Exp(terms[k] - max);
        }

        return max + Math.Log(s);
    }

    /// <summary>
    /// One draw in the internal scale: a component by weight, then a truncated-normal value (rounded to the nearest
    /// integer for a discrete estimator and clipped to the inner bounds) or a choice index.
    /// </summary>
    public double Sample(Rng rng)
    {
        double u = rng.NextDouble() * _cumulative[_m - 1];
        int k = 0;
        while (k < _m - 1 && _cumulative[k] <= u)
        {
            k++;
        }

        if (_choices > 0)
        {
            var row = _choiceProbabilities[k];
            double v = rng.NextDouble(), acc = 0;
            for (int c = 0; c < _choices; c++)
            {
                acc += row[c];
                if (v < acc)
                {
                    return c;
                }
            }

            return _choices - 1;
        }

        double x = TruncatedNormal.Sample(rng, _mus[k], _sigmas[k], _low, _high);
        return _discrete ? Math.Clamp(Math.Round(x, MidpointRounding.ToEven), _low + 0.5, _high - 0.5) : x;
    }
}
