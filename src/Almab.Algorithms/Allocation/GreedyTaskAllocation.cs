namespace Almab.Algorithms.Allocation;

/// <summary>
/// GTA, Greedy Task Allocation (ATA paper, section 1; Algorithm 3, Rennala SGD's batch collection): every worker
/// starts a task at the round start and starts another as soon as it finishes one, until B tasks have completed
/// in total. GTA is not an allocate-then-wait policy (the allocation is only known afterwards), so it is modelled
/// as a round function of the sampled task times.
/// </summary>
/// <remarks>
/// Counting of abandoned work (protocol note): when the B-th task completes, all other workers are mid-task; those
/// in-flight tasks are abandoned (Algorithm 3 queries fresh gradients at the new point next round) and their
/// partial work counts as worker time up to the round end. So total worker time = n * runtime: the cluster is
/// fully busy for the whole round, the reading that makes GTA's total worker time grow linearly in n as in
/// Table 1. Completion ties break to the lowest worker index.
/// </remarks>
public static class GreedyTaskAllocation
{
    /// <summary>
    /// Simulates one GTA round. <paramref name="taskSeconds"/> is row-major n x B: entry [i * B + u] is the
    /// duration of worker i's (u+1)-th task of the round (no worker can finish more than B tasks, so B columns
    /// suffice). <paramref name="completed"/> (length n) receives the number of tasks each worker completed,
    /// summing to B (GTA's de-facto allocation).
    /// </summary>
    public static GreedyRoundResult SimulateRound(ReadOnlySpan<double> taskSeconds, int workers, int tasks, Span<int> completed)
    {
        if (workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, "The number of workers n must be >= 1.");
        }

        if (tasks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tasks), tasks, "The task budget B must be >= 1.");
        }

        if (taskSeconds.Length != (long)workers * tasks || completed.Length != workers)
        {
            throw new ArgumentException(
                $"Need n*B = {(long)workers * tasks} task times and n = {workers} counters; got {taskSeconds.Length} and {completed.Length}.");
        }

        completed.Clear();

        // Each worker's next completion instant is the running sum of its task times; the B-th smallest of all
        // completion instants ends the round. With B <= a few thousand a linear scan per completion is O(n B);
        // a heap would be O(B log n) but this function is not on a latency-critical path.
        double runtime = 0.0;
        double used = 0.0;
        Span<double> nextFinish = workers <= 2048 ? stackalloc double[workers] : new double[workers];
        for (int i = 0; i < workers; i++)
        {
            nextFinish[i] = CheckTime(taskSeconds[i * tasks], i);
        }

        for (int b = 0; b < tasks; b++)
        {
            int best = 0;
            for (int i = 1; i < workers; i++)
            {
                if (nextFinish[i] < nextFinish[best])
                {
                    best = i;
                }
            }

            runtime = nextFinish[best];
            used += taskSeconds[best * tasks + completed[best]];
            int done = ++completed[best];
            nextFinish[best] = done < tasks
                ? runtime + CheckTime(taskSeconds[best * tasks + done], best)
                : double.PositiveInfinity;
        }

        double total = workers * runtime;
        return new GreedyRoundResult(runtime, total, used, total - used);
    }

    private static double CheckTime(double seconds, int worker)
    {
        if (!(seconds >= 0.0) || double.IsPositiveInfinity(seconds))
        {
            throw new ArgumentOutOfRangeException(
                nameof(seconds), seconds, $"Task time of worker {worker} must be finite and >= 0 seconds.");
        }

        return seconds;
    }
}
