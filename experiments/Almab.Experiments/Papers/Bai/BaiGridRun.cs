using Almab.Algorithms.Randomness;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Papers.Bai;

/// <summary>
/// Runs the cells not yet stored, in parallel over cells (each cell is independent and derives its own seeds, so
/// results do not depend on the thread count), with one writer thread committing whole cells: the shared
/// <see cref="ParallelGrid"/> pipeline, with BAI's cells and trial rows.
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
        ParallelGrid.Run(todo, threads, (cell, token) => BaiCellRunner.Run(spec, cell, trials, root, token), store.Write, onFinished,
            store.Path, cancel);
        return todo.Count;
    }
}
