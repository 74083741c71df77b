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
        // Longest cells first (a stable sort on a rough per-trial cost), so the run does not end with one thread on a
        // heavy RA-UCB L = 2 cell while the other has nothing left; the order changes no result (cells are independent).
        var todo = cells.Where(c => !finished.Contains((c.Agent, c.Instance, c.Environment, c.Resources)))
            .OrderByDescending(RelativeCost).ToList();
        ParallelGrid.Run(todo, threads, (cell, token) => BaiCellRunner.Run(spec, cell, trials, root, token), store.Write, onFinished,
            store.Path, cancel);
        return todo.Count;
    }

    /// <summary>
    /// Rough CPU cost of a cell's trial relative to the others, from the 100-trial grid's per-agent compute seconds
    /// (2026-12-07): RA-UCB pulls about 4x as often as the rest (cheap arms), the UCB-type agents re-play an index
    /// tree per pull, and L = 2 cells cost about 1.7x L = 1 ones. Only an ordering hint.
    /// </summary>
    public static double RelativeCost(BaiCell cell)
    {
        double agent = cell.Agent switch
        {
            "ra-ucb" => 7.0,
            "at-lucb" => 2.1,
            "ucb" => 1.6,
            "sh-rr" => 1.3,
            "dsh" => 0.95,
            _ => 0.5,
        };
        return agent * (cell.Resources >= 2 ? 1.7 : 1.0);
    }
}
