using System.Diagnostics;
using Almab.Algorithms.BestArm.Replay;
using Almab.Algorithms.Randomness;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// Runs the agents on the replayed arms of one data set (SH-RR paper, section 7, Tables 1–2): trial i's seed is
/// root → "bai-realworld-replay" → data set → i, the same for every agent (common random numbers: the same shuffle and
/// the same replay stream per trial); <see cref="ReplayEpisode"/> derives the permutation, replay and agent streams.
/// Results depend on nothing else (not on threads, order or the machine).
/// </summary>
public static class RealWorldRun
{
    /// <summary>The stored environment name of a replay with <paramref name="clock"/> seconds.</summary>
    public static string Env(string clock) => "replay-" + clock;

    /// <summary>Runs <paramref name="trials"/> trials of <paramref name="agent"/> with budget <paramref name="budget"/> seconds.</summary>
    public static BaiStoredCell Run(RealWorldArms arms, string agent, double budget, int trials, Seed root, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var clock = Stopwatch.StartNew();
        var a = BaiAgents.Create(agent);
        var episode = new ReplayEpisode();
        Seed dataSeed = root.Derive("bai-realworld-replay").Derive(arms.Dataset);
        var rows = new BaiTrialRow[trials];
        for (int i = 0; i < trials; i++)
        {
            cancel.ThrowIfCancellationRequested();
            Seed trialSeed = dataSeed.Derive(i);
            var outcome = episode.Run(arms.Pulls, a, budget, trialSeed);
            rows[i] = new BaiTrialRow(i, trialSeed.Value, outcome.PermutationSeed, outcome.Answer, outcome.Pulls, episode.Total, double.NaN, outcome.Success);
        }

        return new BaiStoredCell(agent, arms.Dataset, Env(arms.Clock), 1, rows, clock.Elapsed.TotalSeconds);
    }
}
