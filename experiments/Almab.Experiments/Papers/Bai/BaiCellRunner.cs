using System.Diagnostics;
using Almab.Algorithms.BestArm;
using Almab.Algorithms.Randomness;

namespace Almab.Experiments.Papers.Bai;

/// <summary>
/// Runs every trial of a cell. Trial i's seed is root → "bai" → the cell's environment coordinate → i, the same for
/// every agent, so all agents meet the same shuffle and environment stream per trial; the episode derives the
/// permutation, environment and agent streams from it. Results depend on nothing else (not on threads or order).
/// </summary>
public static class BaiCellRunner
{
    /// <summary>Runs <paramref name="trials"/> trials of <paramref name="cell"/>.</summary>
    public static BaiCellResult Run(BaiGridSpec spec, BaiCell cell, int trials, Seed root, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var instance = spec.Instance(cell.Family, cell.Matching, cell.Resources);
        var environment = new BestArmEnvironment(instance, cell.Model);
        var agent = BaiAgents.Create(cell.Agent);
        var episode = new BestArmEpisode();
        Seed cellSeed = TrialRoot(root, cell);
        var rows = new BaiTrialRow[trials];
        for (int i = 0; i < trials; i++)
        {
            if ((i & 63) == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            Seed trialSeed = cellSeed.Derive(i);
            var outcome = episode.Run(environment, agent, trialSeed);
            var totals = episode.Totals;
            rows[i] = new BaiTrialRow(i, trialSeed.Value, outcome.PermutationSeed, outcome.Answer, outcome.Pulls,
                totals[0], totals.Length > 1 ? totals[1] : double.NaN, outcome.Success);
        }

        return new BaiCellResult(cell, rows, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The seed below which a cell's trials are numbered.</summary>
    public static Seed TrialRoot(Seed root, BaiCell cell) => root.Derive("bai").Derive(cell.EnvironmentCoordinate);
}
