using System.Collections.Concurrent;
using System.Diagnostics;

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
        long flushTicks = (long)((commitInterval ?? DefaultCommitInterval).TotalSeconds * Stopwatch.Frequency);
        ArgumentNullException.ThrowIfNull(todo);
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        using var queue = new BlockingCollection<TResult>(boundedCapacity: Math.Max(4, threads * 2));
        Exception? writerError = null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel);

        // SQLite connections are single-threaded, hence one writer. The queue stays short, so a cancelled run stops
        // promptly. The writer has a thread of its own (LongRunning): as a blocked thread-pool thread it left
        // Parallel.ForEach's second worker waiting for the pool, and two threads ran at about 1.2x one on case 5
        // (1.6x with its own thread).
        var writer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<TResult>();
                foreach (var first in queue.GetConsumingEnumerable())
                {
                    batch.Clear();
                    batch.Add(first);
                    long flushAt = Stopwatch.GetTimestamp() + flushTicks;
                    while (batch.Count < MaxBatch)
                    {
                        int waitMs = (int)Math.Ceiling((flushAt - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency);
                        if (!queue.TryTake(out var next, Math.Max(0, waitMs), CancellationToken.None))
                        {
                            break; // the interval is over and nothing is queued, or the run has finished adding
                        }

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
            writer.Wait(CancellationToken.None);
        }

        if (writerError is not null)
        {
            throw new IOException($"writing results to {storePath} failed ({writerError.Message.TrimEnd('.')}); results committed before stay whole", writerError);
        }
    }
}
