using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Tpe;

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra et al. 2011) as Optuna 3.x's TPESampler does it in its default,
/// independent (univariate) mode (optuna/samplers/_tpe/sampler.py):
/// <list type="bullet">
/// <item>Until <see cref="TpeOptions.StartupTrials"/> (10) trials have completed, configurations are uniform draws of
/// the space (<see cref="SearchSpace.Sample"/>: log parameters log-uniform).</item>
/// <item>Then, with n completed trials, the gamma(n) = min(ceil(0.1 n), 25) best form the "below" group and the rest
/// the "above" group (ties broken by trial order). Failed trials are left out, as Optuna leaves out failed trials.</item>
/// <item>Constant liar (on by default; Optuna's constant_liar): pending trials join the above group as the worst
/// observations (value +inf), so parallel asks, and the several trials of one Ask(count), which are drawn one after
/// the other, are pushed away from each other. They do not count in n.</item>
/// <item>Per parameter, independently: Parzen estimators l(x) from the below group and g(x) from the above group
/// (<see cref="ParzenEstimator"/>: truncated-normal kernels in log space for log parameters, neighbour-gap bandwidths,
/// magic clip, a prior component of weight 1, weights ramping down for all but the 25 newest observations; integers
/// and grid indices discretized with step 1; categorical estimators with the prior mixed in), 24 candidates drawn
/// from l, and the candidate maximizing log l(x) - log g(x) kept (the first one on ties).</item>
/// </list>
/// Kernel densities: by default as Optuna 3.1-3.4 evaluate them, each continuous kernel without its 1/sigma factor
/// (optuna issue #5109; <see cref="TpeOptions.NormalizedKernels"/> switches to the proper densities of Optuna 3.5+).
/// We keep 3.1's behaviour as the default because it is the version our comparison runs against (bench/compare/tpe)
/// and because it searched better on Branin and on a 1-d check in our trials with Optuna itself.
/// Our choices: grid parameters are modelled as ordered integers over their level indices (Optuna has no grid type);
/// random numbers come from two streams derived from the seed ("tpe-startup" and "tpe-model"), so the trace matches
/// Optuna's in distribution, not draw for draw. Asks never run out (no budget).
/// </summary>
public sealed class TpeOptimizer : IOptimizer
{
    private readonly TrialLedger _ledger;
    private readonly TpeOptions _options;
    private readonly TpeParameterScale[] _scales;
    private readonly Rng _startupRng;
    private readonly Rng _modelRng;
    private readonly List<double[]> _internal = new();
    private readonly List<double> _scores = new();
    private readonly List<TrialState> _states = new();
    private readonly ParzenEstimator?[] _below;
    private readonly ParzenEstimator?[] _above;
    private int[] _ranked = [];
    private double[] _observations = [];
    private int _completed;

    /// <summary>Creates a TPE optimizer.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="seed">Seed of the startup draws and of the model's candidates.</param>
    /// <param name="options">Settings; null for Optuna's defaults.</param>
    public TpeOptimizer(SearchSpace space, Seed seed, TpeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        _options = options ?? new TpeOptions();
        _options.Validate();
        _ledger = new TrialLedger("tpe", space, null, null);
        _scales = new TpeParameterScale[space.Dimension];
        for (int j = 0; j < _scales.Length; j++)
        {
            _scales[j] = new TpeParameterScale(space.Parameters[j]);
        }

        _below = new ParzenEstimator?[_scales.Length];
        _above = new ParzenEstimator?[_scales.Length];
        _startupRng = seed.Derive("tpe-startup").CreateRng();
        _modelRng = seed.Derive("tpe-model").CreateRng();
    }

    private enum TrialState
    {
        Pending,
        Complete,
        Failed,
    }

    /// <inheritdoc />
    public string Name => "tpe";

    /// <summary>The settings in use.</summary>
    public TpeOptions Options => _options;

    /// <summary>Trials asked and not yet told.</summary>
    public int PendingCount => _ledger.PendingCount;

    /// <summary>Successful observations told so far.</summary>
    public int ObservationCount => _completed;

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count)
    {
        int n = _ledger.Allowance(count);
        var trials = new List<Trial>(n);
        for (int i = 0; i < n; i++)
        {
            var c = _completed < _options.StartupTrials ? _ledger.Space.Sample(_startupRng) : SampleFromModel();
            var trial = _ledger.Issue(c);
            var x = new double[_scales.Length];
            for (int j = 0; j < x.Length; j++)
            {
                x[j] = _scales[j].ToInternal(c[j]);
            }

            _internal.Add(x);
            _scores.Add(double.PositiveInfinity);
            _states.Add(TrialState.Pending);
            trials.Add(trial);
        }

        return trials;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation)
    {
        bool ok = _ledger.Accept(trial, observation);
        if (ok)
        {
            _scores[trial.Id] = observation.Value;
            _states[trial.Id] = TrialState.Complete;
            _completed++;
        }
        else
        {
            _states[trial.Id] = TrialState.Failed;
        }
    }

    private Configuration SampleFromModel()
    {
        // Participants in trial order; a sort by score then splits them (pending ones score +inf; ties by trial order,
        // so the order is unique). The buffers and the estimators are reused from one decision to the next.
        if (_ranked.Length < _states.Count)
        {
            _ranked = new int[Math.Max(_states.Count, 2 * _ranked.Length)];
            _observations = new double[_ranked.Length];
        }

        int count = 0;
        for (int id = 0; id < _states.Count; id++)
        {
            if (_states[id] == TrialState.Complete || (_options.ConstantLiar && _states[id] == TrialState.Pending))
            {
                _ranked[count++] = id;
            }
        }

        var ranked = _ranked.AsSpan(0, count);
        ranked.Sort(new ByScore(_scores));
        int nBelow = _options.Gamma(_completed);
        var below = ranked[..nBelow];
        var above = ranked[nBelow..];
        below.Sort();
        above.Sort();

        Span<double> values = _scales.Length <= 64 ? stackalloc double[_scales.Length] : new double[_scales.Length];
        var obsBelow = _observations.AsSpan(0, below.Length);
        var obsAbove = _observations.AsSpan(below.Length, above.Length);
        for (int j = 0; j < _scales.Length; j++)
        {
            var scale = _scales[j];
            for (int i = 0; i < below.Length; i++)
            {
                obsBelow[i] = _internal[below[i]][j];
            }

            for (int i = 0; i < above.Length; i++)
            {
                obsAbove[i] = _internal[above[i]][j];
            }

            var l = _below[j] = scale.Refit(_below[j], obsBelow, _options);
            var g = _above[j] = scale.Refit(_above[j], obsAbove, _options);
            double best = double.NegativeInfinity, bestValue = double.NaN;
            for (int k = 0; k < _options.EiCandidates; k++)
            {
                double native = scale.ToNative(l.Sample(_modelRng));
                double x = scale.ToInternal(native);
                double score = l.LogPdf(x) - g.LogPdf(x);
                if (double.IsNaN(bestValue) || score > best)
                {
                    best = score;
                    bestValue = native;
                }
            }

            values[j] = bestValue;
        }

        return new Configuration(values);
    }

    private readonly struct ByScore(List<double> scores) : IComparer<int>
    {
        public int Compare(int a, int b) => scores[a] != scores[b] ? scores[a].CompareTo(scores[b]) : a.CompareTo(b);
    }
}
