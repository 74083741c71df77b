using Almab.Algorithms.Objectives;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// Random Search (paper 000, sections 3.3 and 3.9-3.10: "uniform random selection"): each trial is an independent
/// uniform draw in the encoded unit cube, decoded (log parameters are log-uniform, a grid or categorical parameter
/// is uniform over its values). Asks ignore the pending trials and observations, as the method is non-adaptive.
/// Our choices: an optional budget (trials handed out; Ask returns fewer, then none, once it is spent), an optional
/// initial design handed out first, and an optional sampling without replacement on finite spaces (no point, pending
/// or told, is drawn twice; the space's cardinality then caps the budget).
/// </summary>
public sealed class RandomSearch : IOptimizer
{
    private readonly TrialLedger _ledger;
    private readonly Rng _rng;
    private readonly HashSet<Configuration>? _drawn;
    private readonly long _cardinality;

    /// <summary>Creates a random search.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="budget">Maximum number of trials handed out, or null for no limit.</param>
    /// <param name="initialDesign">Points handed out before any random draw (count towards the budget).</param>
    /// <param name="withoutReplacement">Never repeat a point (finite spaces only).</param>
    public RandomSearch(SearchSpace space, Seed seed, int? budget = null, IReadOnlyList<Configuration>? initialDesign = null, bool withoutReplacement = false)
    {
        _ledger = new TrialLedger("random-search", space, initialDesign, budget);
        _rng = seed.CreateRng();
        if (withoutReplacement)
        {
            if (space.Cardinality is not long c)
            {
                throw new ArgumentException("random-search: withoutReplacement needs a finite space (no float parameter)", nameof(withoutReplacement));
            }

            _cardinality = c;
            _drawn = new HashSet<Configuration>();
        }
    }

    /// <inheritdoc />
    public string Name => "random-search";

    /// <summary>Trials asked and not yet told.</summary>
    public int PendingCount => _ledger.PendingCount;

    /// <summary>Successful observations told so far.</summary>
    public int ObservationCount => _ledger.ObservationCount;

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count)
    {
        int n = _ledger.Allowance(count);
        var trials = new List<Trial>(n);
        for (int i = 0; i < n; i++)
        {
            Configuration c;
            if (_ledger.TryNextInitial(out var initial))
            {
                c = initial;
            }
            else if (_drawn is null)
            {
                c = _ledger.Space.Sample(_rng);
            }
            else if (_drawn.Count >= _cardinality)
            {
                break;
            }
            else
            {
                do
                {
                    c = _ledger.Space.Sample(_rng);
                }
                while (_drawn.Contains(c));
            }

            _drawn?.Add(c);
            trials.Add(_ledger.Issue(c));
        }

        return trials;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation) => _ledger.Accept(trial, observation);
}
