using System.Collections.Concurrent;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Store;

namespace Almab.Experiments.Runner;

/// <summary>
/// Runs grid cells in parallel on real cores and stores each finished replicate atomically.
/// Cells are independent (each derives its own seeds and builds its own cluster and optimizer), so
/// results do not depend on the thread count; only the store's insertion order does, and readers sort.
/// Cells already in the store are skipped, which is what makes <c>--resume</c> exact.
/// </summary>
public sealed class ExperimentRunner
{
    private readonly Func<CellKey, CancellationToken, ReplicateResult> _runCell;

    /// <summary>Creates a runner around the function that executes one cell.</summary>
    public ExperimentRunner(Func<CellKey, CancellationToken, ReplicateResult> runCell)
    {
        _runCell = runCell;
    }

    /// <summary>
    /// Runs every cell of <paramref name="cells"/> not yet in <paramref name="store"/> with at most
    /// <paramref name="threads"/> in parallel; <paramref name="onFinished"/> is called after each write.
    /// Returns the number of cells run. On cancellation, what was written stays written.
    /// </summary>
    public int Run(IReadOnlyList<CellKey> cells, ResultStore store, int threads, Action<ReplicateResult>? onFinished, CancellationToken cancel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var finished = store.FinishedCells();
        var todo = cells.Where(c => !finished.Contains(c)).ToList();
        using var queue = new BlockingCollection<ReplicateResult>(boundedCapacity: Math.Max(4, threads * 2));
        Exception? writerError = null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel);

        // One writer: SQLite connections are single-threaded. It takes whatever replicates have queued up and commits
        // them in one transaction, so a burst of short replicates costs one commit, not one each; every replicate is
        // still whole or absent in the database. The queue stays short, so a cancelled run stops promptly. The writer
        // has a thread of its own (LongRunning): as a blocked thread-pool thread it left Parallel.ForEach's second
        // worker waiting for the pool, and two threads ran at about 1.2x one on case 5 (1.6x with its own thread).
        var writer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<ReplicateResult>();
                foreach (var first in queue.GetConsumingEnumerable())
                {
                    batch.Clear();
                    batch.Add(first);
                    while (queue.TryTake(out var next))
                    {
                        batch.Add(next);
                    }

                    store.Write(batch);
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
            Parallel.ForEach(todo, options, cell =>
            {
                var result = _runCell(cell, linked.Token);
                if (result.Cell != cell)
                {
                    throw new InvalidOperationException($"cell runner returned {result.Cell} for {cell}");
                }

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
            throw new IOException($"writing results to {store.Path} failed ({writerError.Message.TrimEnd('.')}); replicates committed before stay whole", writerError);
        }

        return todo.Count;
    }
}
