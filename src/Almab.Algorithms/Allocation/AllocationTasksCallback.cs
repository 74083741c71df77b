namespace Almab.Algorithms.Allocation;

/// <summary>
/// Receives the task times of one round of <see cref="AllocationRoundSimulator"/>, grouped by worker: the first
/// a_0 entries are worker 0's tasks in the order it ran them, then worker 1's a_1, and so on (B entries).
/// </summary>
/// <param name="round">Round index k, 1-based.</param>
/// <param name="allocation">a_k, valid only during the call.</param>
/// <param name="taskSeconds">The B task durations in seconds, valid only during the call.</param>
/// <returns>True to go on; false ends the run after this round (e.g. an optimizer reached its tolerance).</returns>
public delegate bool AllocationTasksCallback(long round, ReadOnlySpan<int> allocation, ReadOnlySpan<double> taskSeconds);
