using System.Collections.Concurrent;
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

        // One writer: SQLite connections are single-threaded and each replicate is one transaction.
        var writer = Task.Run(() =>
        {
            try
            {
                foreach (var result in queue.GetConsumingEnumerable())
                {
                    store.Write(result);
                    onFinished?.Invoke(result);
                }
            }
            catch (Exception e)
            {
                writerError = e;
            }
        }, CancellationToken.None);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel);
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
        finally
        {
            queue.CompleteAdding();
            writer.Wait(CancellationToken.None);
        }

        if (writerError is not null)
        {
            throw new IOException($"writing results to {store.Path} failed: {writerError.Message}", writerError);
        }

        return todo.Count;
    }
}
