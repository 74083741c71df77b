using Almab.Sim.Runs.Bandits;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>Samples a bandit run's cumulative regret at checkpoints (reward counts) for storage.</summary>
internal static class BanditCurves
{
    public static IEnumerable<(double X, double Y, double Secondary, double VirtualSeconds)> At(BanditRunResult run, int[] checkpoints)
    {
        foreach (int t in checkpoints)
        {
            yield return (t, run.CumulativeRegret[t - 1], double.NaN, run.RewardTimes[t - 1]);
        }
    }

    /// <summary>Per-replicate growth exponent log(R(T) / R(T / 8)) / log 8 from the stored curve (NaN when R(T / 8) = 0).</summary>
    public static double Exponent(Almab.Experiments.Store.ReplicateResult r)
    {
        var e = r.Evaluations;
        double xEnd = e[^1].BestSoFar, yEnd = e[^1].Metric;
        var early = e.Where(p => p.BestSoFar <= xEnd / 8).LastOrDefault();
        if (early is null || early.Metric <= 0 || yEnd <= 0)
        {
            return double.NaN;
        }

        return Math.Log(yEnd / early.Metric) / Math.Log(xEnd / early.BestSoFar);
    }
}
