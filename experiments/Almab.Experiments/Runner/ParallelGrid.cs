using System.Collections.Concurrent;

namespace Almab.Experiments.Runner;

/// <summary>
/// The replicate runner's pipeline, for any kind of cell and stored row: cells run in parallel on real cores, and one
/// writer thread commits the results that arrive within each 50 ms in one transaction (a burst of short cells costs
/// one commit, not one each; every result is still whole or absent). Cells must be independent (each derives its own
/// seeds), so results do not depend on the thread count. Used by <see cref="ExperimentRunner"/> (optimization
/// replicates) and by the BAI grid (trial rows).
/// </summary>
public static class ParallelGrid
{
    /// <summary>
    /// How long the writer collects results by default before it commits them (and the most it collects). One commit per result
    /// cost cheap cells a quarter of the run's CPU (perf on case 4: the writer thread 27 %, mostly SQLite's B-tree pages
    /// and their write-ahead-log writes, which a transaction writes once however many rows it adds), which a second
    /// compute thread then had to share its core with. A run killed in between loses at most this much finished work,
    /// which <c>--resume</c> recomputes identically.
    /// </summary>
    public static readonly TimeSpan DefaultCommitInterval = TimeSpan.FromMilliseconds(50);

    private const int MaxBatch = 4096;

    /// <summary>
    /// Runs <paramref name="compute"/> on every cell of <paramref name="todo"/> with at most <paramref name="threads"/>
    /// in parallel and passes the results, in batches, to <paramref name="write"/> on one writer thread;
    /// <paramref name="onFinished"/> is called for each result after its batch is written. An exception from a cell
    /// stops the run (what was written stays written) and propagates. A failed write stops the run and is thrown as an
    /// <see cref="IOException"/> naming <paramref name="storePath"/>. <paramref name="commitInterval"/> (default
    /// <see cref="DefaultCommitInterval"/>) is how long the writer collects results before a commit; zero commits
    /// whatever has queued up at once.
    /// </summary>
    public static void Run<TCell, TResult>(IReadOnlyList<TCell> todo, int threads, Func<TCell, CancellationToken, TResult> compute,
        Action<IReadOnlyList<TResult>> write, Action<TResult>? onFinished, string storePath, CancellationToken cancel, TimeSpan? commitInterval = null)
    {
        int intervalMs = (int)Math.Ceiling((commitInterval ?? DefaultCommitInterval).TotalMilliseconds);
        ArgumentNullException.ThrowIfNull(todo);
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        // Room for one batch: while the writer commits, the compute threads keep filling the queue instead of blocking
        // on it (with room for only 2 x threads results they stood idle for most of every commit). With no commit
        // interval every result is meant to be committed as it comes, so the queue stays short.
        using var queue = new BlockingCollection<TResult>(boundedCapacity: intervalMs > 0 ? MaxBatch : Math.Max(4, threads * 2));
        using var finishedAdding = new ManualResetEventSlim(false);
        Exception? writerError = null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel);

        // SQLite connections are single-threaded, hence one writer. The writer has a thread of its own (LongRunning):
        // as a blocked thread-pool thread it left Parallel.ForEach's second worker waiting for the pool, and two
        // threads ran at about 1.2x one on case 5 (1.6x with its own thread). It wakes once per commit interval, not
        // once per result: a wake-up per result (a semaphore release, a spin, a context switch) cost the cheap cells'
        // pipeline CPU that a second compute thread then had to share its core with.
        var writer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<TResult>();
                foreach (var first in queue.GetConsumingEnumerable())
                {
                    batch.Clear();
                    batch.Add(first);
                    if (intervalMs > 0)
                    {
                        finishedAdding.Wait(intervalMs); // the interval is over, or the run has finished adding
                    }

                    while (batch.Count < MaxBatch && queue.TryTake(out var next))
                    {
                        batch.Add(next);
                    }

                    write(batch);
                    foreach (var result in batch)
                    {
                        onFinished?.Invoke(result);
                    }
                }
            }
            catch (Exception e)
            {
                // Stop starting cells, and keep draining the queue so that no compute thread blocks in Add forever
                // (a full disk once hung the run here: the queue is bounded and nobody took from it any more).
                writerError = e;
                linked.Cancel();
                foreach (var _ in queue.GetConsumingEnumerable())
                {
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = linked.Token };
            var partitioner = Partitioner.Create(todo, EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(partitioner, options, cell =>
            {
                var result = compute(cell, linked.Token);
                if (writerError is not null)
                {
                    linked.Cancel();
                    return;
                }

                queue.Add(result, CancellationToken.None);
            });
        }
        catch (OperationCanceledException) when (writerError is not null)
        {
            // cancelled because the writer failed: reported below
        }
        finally
        {
            queue.CompleteAdding();
            finishedAdding.Set();
            writer.Wait(CancellationToken.None);
        }

        if (writerError is not null)
        {
            throw new IOException($"writing results to {storePath} failed ({writerError.Message.TrimEnd('.')}); results committed before stay whole", writerError);
        }
    }
}
