using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// Sequential locally D-optimal design for case 4 of paper 000 (section 3.9: "sequential design maximizing the
/// determinant of the Fisher information matrix for the logistic model"). The two logistic models are those of the
/// case: efficacy logit p_eff = a_e + b_e x and toxicity logit p_tox = a_t + b_t x, each cohort giving one Bernoulli
/// outcome of each. After the initial design, each Ask refits both curves (<c>LogisticFit</c>: Newton-Raphson, Firth
/// penalty by default) and picks, among the dose levels, the dose maximizing the determinant of the joint 4 x 4 Fisher
/// information at the estimates. The outcomes are independent given the dose, so that information is block-diagonal
/// and its determinant is det M_eff(x) det M_tox(x), with M = sum_i p_i (1 - p_i) (1, x_i)(1, x_i)^T over all doses
/// told or pending. Pending doses need no fantasy: the information does not depend on the outcomes, so a batch is
/// chosen greedily, each choice adding its information before the next.
/// Our choices: ties go to the lowest dose; failed evaluations add no information; until two distinct doses have
/// been told, the estimates are the nominal curve logit p = 4 (x - mid) / range over the dose range (steep enough to
/// spread the choices); <see cref="RecommendedDose"/> (argmax of the fitted utility) is ours too. The design is
/// deterministic given the outcomes, so it takes no seed.
/// </summary>
public sealed class DOptimalDoseDesign : IOptimizer
{
    private readonly TrialLedger _ledger;
    private readonly double[] _levels;
    private readonly DOptimalDoseOptions _options;
    private readonly List<double> _doses = new();
    private readonly List<double> _efficacy = new();
    private readonly List<double> _toxicity = new();
    private int _fittedCount = -1;

    /// <summary>Creates the design over a one-parameter dose space.</summary>
    /// <param name="space">One grid or integer parameter (the dose levels, e.g. case 4's 33 levels).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    public DOptimalDoseDesign(SearchSpace space, DOptimalDoseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        options ??= new DOptimalDoseOptions();
        var p = space.Parameters[0];
        if (space.Dimension != 1 || p.Kind is not (ParameterKind.Grid or ParameterKind.Integer) || p.Cardinality is not long c || c < 2 || c > 1_000_000)
        {
            throw new ArgumentException("d-optimal: the space must have exactly one grid or integer parameter with 2 to 10^6 dose levels", nameof(space));
        }

        if (options.OutcomeDecoder is null && (!double.IsFinite(options.Lambda) || options.Lambda <= 0 || options.Lambda == 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Lambda,
                "d-optimal: Lambda must be finite, > 0 and != 1 for the Bernoulli utility to reveal both outcomes");
        }

        _levels = GridLevels.Of(p, (int)c);
        var initial = options.InitialDesign ?? Array.ConvertAll(GridLevels.Of(p, 4), d => new Configuration([d]));
        _ledger = new TrialLedger("d-optimal", space, initial, null);
        var initialDoses = new double[initial.Count];
        for (int i = 0; i < initialDoses.Length; i++)
        {
            initialDoses[i] = initial[i][0];
        }

        if (!LogisticFit.HasTwoDistinct(initialDoses))
        {
            throw new ArgumentException("d-optimal: InitialDesign must contain at least two distinct doses", nameof(options));
        }

        _options = options;
        double mid = 0.5 * (_levels[0] + _levels[^1]), slope = 4 / (_levels[^1] - _levels[0]);
        Efficacy = Toxicity = new LogisticCurve(-slope * mid, slope);
    }

    /// <inheritdoc />
    public string Name => "d-optimal";

    /// <summary>The current efficacy curve estimate (nominal until two distinct doses are told).</summary>
    public LogisticCurve Efficacy { get; private set; }

    /// <summary>The current toxicity curve estimate (nominal until two distinct doses are told).</summary>
    public LogisticCurve Toxicity { get; private set; }

    /// <summary>Trials asked and not yet told.</summary>
    public int PendingCount => _ledger.PendingCount;

    /// <summary>Successful observations told so far.</summary>
    public int ObservationCount => _ledger.ObservationCount;

    /// <summary>The dose level maximizing the fitted utility p_eff(x) - lambda p_tox(x) (our recommendation rule).</summary>
    public double RecommendedDose
    {
        get
        {
            Refit();
            double best = _levels[0], bestValue = double.NegativeInfinity;
            foreach (double x in _levels)
            {
                double u = Efficacy.Probability(x) - _options.Lambda * Toxicity.Probability(x);
                if (u > bestValue)
                {
                    (best, bestValue) = (x, u);
                }
            }

            return best;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count)
    {
        int n = _ledger.Allowance(count);
        var trials = new Trial[n];
        int i = 0;
        while (i < n && _ledger.TryNextInitial(out var c))
        {
            trials[i++] = _ledger.Issue(c);
        }

        if (i == n)
        {
            return trials;
        }

        Refit();
        DoseInformation eff = default, tox = default;
        foreach (double x in _doses)
        {
            eff.Add(Efficacy.Weight(x), x);
            tox.Add(Toxicity.Weight(x), x);
        }

        foreach (var pending in _ledger.Pending)
        {
            double x = pending.Configuration[0];
            eff.Add(Efficacy.Weight(x), x);
            tox.Add(Toxicity.Weight(x), x);
        }

        for (; i < n; i++)
        {
            double x = SelectDose(_levels, Efficacy, Toxicity, eff, tox);
            eff.Add(Efficacy.Weight(x), x);
            tox.Add(Toxicity.Weight(x), x);
            trials[i] = _ledger.Issue(new Configuration([x]));
        }

        return trials;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        (bool Efficacy, bool Toxicity) outcome = default;
        bool usable = !observation.Failed && double.IsFinite(observation.Value);
        if (usable && _ledger.IsPending(trial))
        {
            outcome = Decode(trial, observation);
        }

        if (_ledger.Accept(trial, observation))
        {
            _doses.Add(trial.Configuration[0]);
            _efficacy.Add(outcome.Efficacy ? 1 : 0);
            _toxicity.Add(outcome.Toxicity ? 1 : 0);
        }
    }

    /// <summary>The level maximizing log det(M_eff + w_eff f f^T) + log det(M_tox + w_tox f f^T); ties to the lowest.</summary>
    internal static double SelectDose(ReadOnlySpan<double> levels, LogisticCurve efficacy, LogisticCurve toxicity, DoseInformation eff, DoseInformation tox)
    {
        double best = levels[0], bestScore = double.NegativeInfinity;
        foreach (double x in levels)
        {
            double score = SafeLog(eff.DeterminantWith(efficacy.Weight(x), x)) + SafeLog(tox.DeterminantWith(toxicity.Weight(x), x));
            if (score > bestScore)
            {
                (best, bestScore) = (x, score);
            }
        }

        return best;
    }

    private static double SafeLog(double v) => v > 0 ? Math.Log(v) : -1e300;

    private (bool Efficacy, bool Toxicity) Decode(Trial trial, Observation observation)
    {
        if (_options.OutcomeDecoder is { } decoder)
        {
            return decoder(observation);
        }

        double y = -observation.Value;
        for (int e = 0; e <= 1; e++)
        {
            for (int t = 0; t <= 1; t++)
            {
                if (Math.Abs(e - _options.Lambda * t - y) <= 1e-9)
                {
                    return (e == 1, t == 1);
                }
            }
        }

        throw new ArgumentException(
            $"Trial {trial.Id}: d-optimal reads Bernoulli efficacy/toxicity outcomes from the utility y = -Value = Y_eff - {_options.Lambda} Y_tox, " +
            $"but y = {y} is none of 1, 0, {1 - _options.Lambda}, {-_options.Lambda}; use the BernoulliUtility observation model or set OutcomeDecoder",
            nameof(observation));
    }

    private void Refit()
    {
        if (_fittedCount == _doses.Count || !LogisticFit.HasTwoDistinct(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_doses)))
        {
            return;
        }

        var x = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_doses);
        Efficacy = LogisticFit.Fit(x, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_efficacy), _options.FirthCorrection, out _);
        Toxicity = LogisticFit.Fit(x, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_toxicity), _options.FirthCorrection, out _);
        _fittedCount = _doses.Count;
    }
}
