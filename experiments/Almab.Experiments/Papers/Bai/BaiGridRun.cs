using System.Collections.Concurrent;
using Almab.Algorithms.Randomness;

namespace Almab.Experiments.Papers.Bai;

/// <summary>
/// Runs the cells not yet stored, in parallel over cells (each cell is independent and derives its own seeds, so
/// results do not depend on the thread count), with one writer thread committing whole cells. The shared
/// <c>Runner/ExperimentRunner</c> is typed to optimization replicates (CellKey, ReplicateResult); this is the same
/// design for BAI trials.
/// </summary>
public static class BaiGridRun
{
    /// <summary>Runs <paramref name="cells"/> minus the stored ones; returns how many ran.</summary>
    public static int Run(BaiGridSpec spec, IReadOnlyList<BaiCell> cells, int trials, Seed root, int threads, BaiStore store,
        Action<BaiCellResult>? onFinished, CancellationToken cancel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var finished = store.FinishedCells();
        var todo = cells.Where(c => !finished.Contains((c.Agent, c.Instance, c.Environment, c.Resources))).ToList();
        using var queue = new BlockingCollection<BaiCellResult>(Math.Max(4, 2 * threads));
        Exception? writerError = null;
        var writer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<BaiCellResult>();
                foreach (var first in queue.GetConsumingEnumerable())
                {
                    batch.Clear();
                    batch.Add(first);
                    while (queue.TryTake(out var next))
                    {
                        batch.Add(next);
                    }

                    store.Write(batch);
                    foreach (var r in batch)
                    {
                        onFinished?.Invoke(r);
                    }
                }
            }
            catch (Exception e)
            {
                writerError = e;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = linked.Token };
            var partitioner = Partitioner.Create(todo, EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(partitioner, options, cell =>
            {
                var result = BaiCellRunner.Run(spec, cell, trials, root, linked.Token);
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

        return writerError is null ? todo.Count : throw new IOException($"writing to {store.Path} failed: {writerError.Message}", writerError);
    }
}
