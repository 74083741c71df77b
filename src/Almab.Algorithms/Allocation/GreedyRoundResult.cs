namespace Almab.Algorithms.Allocation;

/// <summary>
/// One GTA round (ATA paper, section 1 and Algorithm 3): when the B-th task finished, and what the workers spent.
/// </summary>
/// <param name="RuntimeSeconds">C_k: time from the round start until the B-th task completion.</param>
/// <param name="TotalWorkerSeconds">
/// Busy time of all n workers: every worker computes from the round start until the round ends, so this is
/// n * RuntimeSeconds = CompletedWorkSeconds + AbandonedWorkSeconds.
/// </param>
/// <param name="CompletedWorkSeconds">Sum of the durations of the B tasks that were used.</param>
/// <param name="AbandonedWorkSeconds">
/// Work on tasks still in flight when the round ended, counted up to the round end (the partial task is stopped
/// and discarded, never run to completion).
/// </param>
public readonly record struct GreedyRoundResult(
    double RuntimeSeconds,
    double TotalWorkerSeconds,
    double CompletedWorkSeconds,
    double AbandonedWorkSeconds);
