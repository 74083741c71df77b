using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>
/// The asynchronous ask/tell engine shared by successive halving, Hyperband and BOHB: brackets are started in the
/// order of a cyclic plan; an ask takes the next configuration of the oldest active bracket whose current rung still
/// has configurations to hand out, and starts the next bracket of the plan when every active one waits for results
/// (so workers never idle; with sequential use the schedule is exactly Li et al.'s). Tells route each result to its
/// bracket and to the configuration source. Failed evaluations rank last (value +inf) when a rung is promoted.
/// </summary>
internal sealed class BracketScheduler
{
    private readonly string _name;
    private readonly IReadOnlyList<HyperbandBracket> _plan;
    private readonly int _maxBracket;
    private readonly IConfigurationSource _source;
    private readonly List<BracketRun> _active = new();
    private readonly Dictionary<int, (Trial Trial, BracketRun Run, int Slot, int Level)> _pending = new();
    private int _nextPlan;
    private int _issued;

    public BracketScheduler(string name, IReadOnlyList<HyperbandBracket> plan, int maxBracket, IConfigurationSource source)
    {
        _name = name;
        _plan = plan;
        _maxBracket = maxBracket;
        _source = source;
    }

    public int PendingCount => _pending.Count;

    /// <summary>Brackets started so far.</summary>
    public int BracketsStarted { get; private set; }

    public IReadOnlyList<Trial> Ask(int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"{_name}: Ask count must be >= 0");
        }

        var trials = new List<Trial>(count);
        while (trials.Count < count)
        {
            Configuration? configuration = null;
            BracketRun? run = null;
            int slot = -1;
            foreach (var candidate in _active)
            {
                if (candidate.TryIssue(_source, out var c, out slot))
                {
                    configuration = c;
                    run = candidate;
                    break;
                }
            }

            if (run is null)
            {
                run = new BracketRun(_plan[_nextPlan], _maxBracket);
                _nextPlan = (_nextPlan + 1) % _plan.Count;
                BracketsStarted++;
                _active.Add(run);
                run.TryIssue(_source, out var c, out slot);
                configuration = c;
            }

            var trial = new Trial(_issued++, configuration!, run.Fidelity);
            _pending.Add(trial.Id, (trial, run, slot, run.Level));
            trials.Add(trial);
        }

        return trials;
    }

    public void Tell(Trial trial, Observation observation)
    {
        var entry = TellGuard.TakePending(_pending, trial, observation, _name, static (e, t) => e.Trial.Equals(t));
        double value = observation.Failed ? double.PositiveInfinity : observation.Value;
        _source.Observe(trial.Configuration, entry.Level, value);
        entry.Run.Complete(entry.Slot, value);
        if (entry.Run.Finished)
        {
            _active.Remove(entry.Run);
        }
    }
}
