using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// Shared ask/tell bookkeeping of the baselines: trial ids, the pending set, an optional budget (trials handed out,
/// pending or told) and an optional initial design handed out first. Validation messages name the method and trial.
/// </summary>
internal sealed class TrialLedger
{
    private readonly Dictionary<int, Trial> _pending = new();
    private readonly List<Configuration> _initial;
    private readonly string _name;
    private int _initialNext;

    public TrialLedger(string name, SearchSpace space, IReadOnlyList<Configuration>? initialDesign, int? budget)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (budget is int b && b < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), b, $"{name}: budget must be >= 0 trials");
        }

        _name = name;
        Space = space;
        Budget = budget;
        _initial = new List<Configuration>();
        if (initialDesign is not null)
        {
            for (int i = 0; i < initialDesign.Count; i++)
            {
                var c = initialDesign[i];
                if (c is null || !space.Contains(c))
                {
                    throw new ArgumentException($"{name}: InitialDesign[{i}] = {c?.ToString() ?? "null"} is not a point of the search space", nameof(initialDesign));
                }

                _initial.Add(c);
            }
        }
    }

    public SearchSpace Space { get; }

    public int? Budget { get; }

    /// <summary>Trials handed out so far (the next trial id).</summary>
    public int Issued { get; private set; }

    public int PendingCount => _pending.Count;

    /// <summary>Told trials whose evaluation did not fail.</summary>
    public int ObservationCount { get; private set; }

    public IReadOnlyList<Configuration> InitialDesign => _initial;

    public IEnumerable<Trial> Pending => _pending.Values;

    /// <summary>How many of <paramref name="count"/> requested trials may be handed out under the budget.</summary>
    public int Allowance(int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"{_name}: Ask count must be >= 0");
        }

        return Budget is int b ? Math.Min(count, Math.Max(0, b - Issued)) : count;
    }

    /// <summary>Takes the next point of the initial design, if any is left.</summary>
    public bool TryNextInitial(out Configuration configuration)
    {
        if (_initialNext < _initial.Count)
        {
            configuration = _initial[_initialNext++];
            return true;
        }

        configuration = null!;
        return false;
    }

    public Trial Issue(Configuration configuration)
    {
        var trial = new Trial(Issued++, configuration);
        _pending.Add(trial.Id, trial);
        return trial;
    }

    /// <summary>True when <paramref name="trial"/> was handed out and not yet told.</summary>
    public bool IsPending(Trial trial) => trial is not null && _pending.TryGetValue(trial.Id, out var issued) && issued.Equals(trial);

    /// <summary>Validates a Tell and removes the trial from the pending set; returns false for a failed evaluation.</summary>
    public bool Accept(Trial trial, Observation observation)
    {
        TellGuard.TakePending(_pending, trial, observation, _name, static (issued, t) => issued.Equals(t));
        if (observation.Failed)
        {
            return false;
        }

        ObservationCount++;
        return true;
    }
}
