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

    /// <summary>How long the writer collects finished replicates before it commits them (see <see cref="ParallelGrid"/>).</summary>
    public TimeSpan CommitInterval { get; init; } = ParallelGrid.DefaultCommitInterval;

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
        ParallelGrid.Run(todo, threads, (cell, token) =>
        {
            var result = _runCell(cell, token);
            return result.Cell == cell ? result : throw new InvalidOperationException($"cell runner returned {result.Cell} for {cell}");
        }, store.Write, onFinished, store.Path, cancel, CommitInterval);
        return todo.Count;
    }
}
