namespace Almab.Experiments.Store;

/// <summary>
/// Compares replicate results on everything that must be reproducible: all columns except the real
/// compute seconds, which measure this machine, not the experiment. Crash counts must agree where both sides recorded
/// one (a replicate read from a schema-1 database has none to compare).
/// </summary>
public static class ResultComparer
{
    /// <summary>True when both results agree exactly on every deterministic field.</summary>
    public static bool SameDeterministicContent(ReplicateResult a, ReplicateResult b)
    {
        if (a.Cell != b.Cell || a.Seed != b.Seed || a.MetricName != b.MetricName
            || !Same(a.FinalMetric, b.FinalMetric) || !Same(a.CumulativeRegret, b.CumulativeRegret)
            || !Same(a.MakespanSeconds, b.MakespanSeconds) || a.Evaluations.Length != b.Evaluations.Length
            || (a.CrashedAttempts is int ca && b.CrashedAttempts is int cb && ca != cb))
        {
            return false;
        }

        for (int i = 0; i < a.Evaluations.Length; i++)
        {
            var x = a.Evaluations[i];
            var y = b.Evaluations[i];
            if (x.Index != y.Index || !Same(x.VirtualSeconds, y.VirtualSeconds) || x.Worker != y.Worker
                || x.Configuration != y.Configuration || !Same(x.Observed, y.Observed) || !Same(x.TrueValue, y.TrueValue)
                || !Same(x.BestSoFar, y.BestSoFar) || !Same(x.Metric, y.Metric))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(double x, double y) => x.Equals(y);
}
