using Almab.Algorithms.Bandits;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Spaces;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>
/// "Standard UCB: fixed resource per arm pull" (survey 001 section 2.1): a bandit policy whose arms are the pool's
/// configurations, each pull one evaluation at a fixed fidelity, reward = minus the observed value (accuracy). A failed
/// evaluation is dropped from the policy (it needs <see cref="IAbandonablePolicy"/>).
/// </summary>
internal sealed class BanditPoolOptimizer(IAbandonablePolicy policy, IReadOnlyList<Configuration> arms, double fidelity) : IOptimizer
{
    private readonly Dictionary<int, (Trial Trial, int Arm)> _pending = new();
    private int _next;

    public string Name => "ucb-fixed-fidelity";

    public IReadOnlyList<Trial> Ask(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var trials = new List<Trial>(count);
        for (int i = 0; i < count; i++)
        {
            int arm = policy.Select();
            var trial = new Trial(_next++, arms[arm], fidelity);
            _pending.Add(trial.Id, (trial, arm));
            trials.Add(trial);
        }

        return trials;
    }

    public void Tell(Trial trial, Observation observation)
    {
        if (!_pending.Remove(trial.Id, out var entry) || !ReferenceEquals(entry.Trial, trial))
        {
            throw new ArgumentException($"Trial {trial.Id} is not pending in {Name}.", nameof(trial));
        }

        if (observation.Failed)
        {
            policy.Abandon(entry.Arm);
            return;
        }

        policy.Update(entry.Arm, -observation.Value);
    }
}
