using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Surrogates.Kernels;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// Greedy Max-Variance (paper 000, section 3.10: "sequential selection of the highest-variance candidate"): on a
/// finite candidate grid, each Ask picks the candidate with the largest GP posterior variance under the case's fixed
/// kernel (<see cref="GreedyMaxVarianceOptions"/>) given every point told or pending. GP posterior variance does not
/// depend on the observed values, so conditioning on a pending point (any fantasy, e.g. the Kriging believer) is
/// exact; a batch is chosen greedily, one point after another. The posterior covariance over the candidates is kept
/// as a dense matrix with one rank-one update per conditioned point (Sigma -= s s^T / (s_jj + sigma_n^2), s = Sigma[:, j]).
/// Our choices: coordinates are the native parameter values (grid or integer parameters; the case-5 grid is on
/// [0, 1]^2); candidates are enumerated with the first parameter slowest (row-major, as SpatialFieldObjective);
/// ties within 1e-12 relative go to the lowest index; a point may be repeated if it is still the most uncertain;
/// a failed evaluation is removed from the conditioning set (the covariance is rebuilt). Deterministic: no seed.
/// </summary>
public sealed class GreedyMaxVarianceDesign : IOptimizer
{
    private readonly TrialLedger _ledger;
    private readonly GreedyMaxVarianceOptions _options;
    private readonly Configuration[] _candidates;
    private readonly double[][] _coordinates;
    private readonly Dictionary<Configuration, int> _index;
    private readonly double[] _prior;
    private readonly double[] _covariance;
    private readonly double[] _column;
    private readonly Dictionary<int, int> _conditioned = new(); // trial id -> candidate index

    /// <summary>Creates the design over a finite numeric space.</summary>
    /// <param name="space">Grid or integer parameters only (e.g. case 5's 8 x 8 grid).</param>
    /// <param name="options">Kernel and initial design; null for the paper's case-5 settings.</param>
    public GreedyMaxVarianceDesign(SearchSpace space, GreedyMaxVarianceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        options ??= new GreedyMaxVarianceOptions();
        Validate(space, options);
        _options = options;
        _candidates = Enumerate(space);
        int n = _candidates.Length;
        _coordinates = new double[n][];
        _index = new Dictionary<Configuration, int>(n);
        for (int i = 0; i < n; i++)
        {
            _coordinates[i] = _candidates[i].Values.ToArray();
            _index[_candidates[i]] = i;
        }

        _prior = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                _prior[i * n + j] = _prior[j * n + i] = Kernel(_coordinates[i], _coordinates[j]);
            }
        }

        _covariance = (double[])_prior.Clone();
        _column = new double[n];
        _ledger = new TrialLedger("greedy-max-variance", space, options.InitialDesign ?? Corners(space), null);
    }

    /// <inheritdoc />
    public string Name => "greedy-max-variance";

    /// <summary>The candidate points in index order.</summary>
    public IReadOnlyList<Configuration> Candidates => _candidates;

    /// <summary>Trials asked and not yet told.</summary>
    public int PendingCount => _ledger.PendingCount;

    /// <summary>Posterior variance of the latent field at candidate <paramref name="index"/> given all told and pending points.</summary>
    public double PosteriorVariance(int index) => _covariance[index * _candidates.Length + index];

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count)
    {
        int n = _ledger.Allowance(count);
        var trials = new Trial[n];
        for (int i = 0; i < n; i++)
        {
            int k = _ledger.TryNextInitial(out var c) ? _index[c] : ArgMaxVariance();
            trials[i] = _ledger.Issue(_candidates[k]);
            _conditioned.Add(trials[i].Id, k);
            Condition(k);
        }

        return trials;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation)
    {
        if (!_ledger.Accept(trial, observation))
        {
            _conditioned.Remove(trial.Id);
            Array.Copy(_prior, _covariance, _prior.Length);
            foreach (int k in _conditioned.Values)
            {
                Condition(k);
            }
        }
    }

    private int ArgMaxVariance()
    {
        int n = _candidates.Length, best = 0;
        double max = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            max = Math.Max(max, _covariance[i * n + i]);
        }

        double threshold = max - 1e-12 * Math.Abs(max);
        while (_covariance[best * n + best] < threshold)
        {
            best++;
        }

        return best;
    }

    /// <summary>Conditions the covariance on one noisy observation at candidate <paramref name="k"/>.</summary>
    private void Condition(int k)
    {
        int n = _candidates.Length;
        Array.Copy(_covariance, k * n, _column, 0, n);
        double inv = 1.0 / (_column[k] + _options.NoiseSd * _options.NoiseSd);
        for (int i = 0; i < n; i++)
        {
            double si = _column[i] * inv;
            var row = _covariance.AsSpan(i * n, n);
            for (int j = 0; j < n; j++)
            {
                row[j] -= si * _column[j];
            }
        }
    }

    private double Kernel(double[] a, double[] b)
    {
        double r2 = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = (a[i] - b[i]) / _options.LengthScale;
            r2 += d * d;
        }

        return _options.SignalVariance * StationaryKernel.Correlation(_options.Kernel, r2);
    }

    private static void Validate(SearchSpace space, GreedyMaxVarianceOptions o)
    {
        foreach (var p in space.Parameters)
        {
            if (p.Kind is not (ParameterKind.Grid or ParameterKind.Integer))
            {
                throw new ArgumentException($"greedy-max-variance: parameter '{p.Name}' is {p.Kind}; only grid and integer parameters have coordinates", nameof(space));
            }
        }

        if (space.Cardinality is not long c || c > o.MaxCandidates)
        {
            throw new ArgumentException($"greedy-max-variance: the grid has {space.Cardinality} points, more than MaxCandidates = {o.MaxCandidates}", nameof(space));
        }

        if (!(o.LengthScale > 0) || !double.IsFinite(o.LengthScale))
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.LengthScale, "greedy-max-variance: LengthScale must be finite and > 0");
        }

        if (!(o.SignalVariance > 0) || !double.IsFinite(o.SignalVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.SignalVariance, "greedy-max-variance: SignalVariance must be finite and > 0");
        }

        if (!(o.NoiseSd > 0) || !double.IsFinite(o.NoiseSd))
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.NoiseSd, "greedy-max-variance: NoiseSd must be finite and > 0");
        }
    }

    private static Configuration[] Enumerate(SearchSpace space)
    {
        var levels = new double[space.Dimension][];
        int size = 1;
        for (int i = 0; i < levels.Length; i++)
        {
            levels[i] = GridLevels.Of(space.Parameters[i], (int)space.Parameters[i].Cardinality!.Value);
            size *= levels[i].Length;
        }

        var points = new Configuration[size];
        var values = new double[levels.Length];
        for (int n = 0; n < size; n++)
        {
            int rest = n;
            for (int i = levels.Length - 1; i >= 0; i--)
            {
                values[i] = levels[i][rest % levels[i].Length];
                rest /= levels[i].Length;
            }

            points[n] = new Configuration(values);
        }

        return points;
    }

    private static Configuration[] Corners(SearchSpace space)
    {
        int d = space.Dimension;
        var corners = new Configuration[1 << d];
        var values = new double[d];
        for (int mask = 0; mask < corners.Length; mask++)
        {
            for (int i = 0; i < d; i++)
            {
                values[i] = ((mask >> (d - 1 - i)) & 1) == 0 ? space.Parameters[i].Low : space.Parameters[i].High;
            }

            corners[mask] = new Configuration(values);
        }

        return corners;
    }
}
