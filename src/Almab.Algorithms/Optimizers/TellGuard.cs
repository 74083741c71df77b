using Almab.Algorithms.Objectives;

namespace Almab.Algorithms.Optimizers;

/// <summary>
/// The Tell-side checks every optimizer makes, in one place so their messages stay identical: the trial must be
/// pending (handed out and not yet told), a non-failed observation must have a finite value (the message names the
/// trial id), and the observation must be usable. On success the trial leaves the pending set.
/// </summary>
internal static class TellGuard
{
    /// <summary>
    /// Validates a Tell of <paramref name="trial"/> against <paramref name="pending"/> (keyed by trial id) and
    /// removes it; <paramref name="isSameTrial"/> says whether the stored entry is the told trial (not a forged
    /// one reusing its id). Returns the stored entry.
    /// </summary>
    public static TEntry TakePending<TEntry>(
        IDictionary<int, TEntry> pending,
        Trial trial,
        Observation observation,
        string optimizer,
        Func<TEntry, Trial, bool> isSameTrial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(observation);
        if (!pending.TryGetValue(trial.Id, out var entry) || !isSameTrial(entry, trial))
        {
            throw new ArgumentException($"Trial {trial.Id} is not pending in {optimizer} (unknown, or already told).", nameof(trial));
        }

        if (!observation.Failed && !double.IsFinite(observation.Value))
        {
            throw new ArgumentException(
                $"Trial {trial.Id}: observation value must be finite, got {observation.Value}; report a crashed evaluation with Failed = true.",
                nameof(observation));
        }

        observation.EnsureUsable();
        pending.Remove(trial.Id);
        return entry;
    }
}
