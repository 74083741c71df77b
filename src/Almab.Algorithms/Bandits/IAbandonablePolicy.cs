namespace Almab.Algorithms.Bandits;

/// <summary>
/// A policy that can withdraw a pending pull that will never report: the "drop" rule for failed evaluations on a
/// cluster (survey 001 section 1.2, "handle failed evaluations (arm crashes, timeouts)"). A dropped pull leaves the
/// policy exactly as if it had never been selected; it is never counted as a reward.
/// </summary>
public interface IAbandonablePolicy : IBanditPolicy
{
    /// <summary>Withdraws one pending pull of <paramref name="arm"/>; throws when the arm has none.</summary>
    void Abandon(int arm);
}
