using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Reporting;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>Summaries over replicates that the figures plot: median and IQR of a metric along evaluations or virtual time.</summary>
public static class CaseSeries
{
    /// <summary>A centre line with a band, sampled at <see cref="X"/>.</summary>
    public sealed record Band(double[] X, double[] Median, double[] Lower, double[] Upper);

    /// <summary>Median and IQR of the metric after each evaluation (1-based count on x) across replicates.</summary>
    public static Band ByEvaluation(IReadOnlyList<ReplicateResult> replicates)
    {
        int n = replicates.Min(r => r.Evaluations.Length);
        var x = new double[n];
        var med = new double[n];
        var lo = new double[n];
        var hi = new double[n];
        var column = new double[replicates.Count];
        for (int i = 0; i < n; i++)
        {
            for (int r = 0; r < replicates.Count; r++)
            {
                column[r] = replicates[r].Evaluations[i].Metric;
            }

            Array.Sort(column);
            x[i] = i + 1;
            med[i] = RunSummary.Quantile(column, 0.5);
            lo[i] = RunSummary.Quantile(column, 0.25);
            hi[i] = RunSummary.Quantile(column, 0.75);
        }

        return new Band(x, med, lo, hi);
    }

    /// <summary>
    /// Median and IQR of the metric against virtual wall-clock on <paramref name="points"/> equally spaced times up to the
    /// longest makespan; a replicate's value at t is the metric of its last evaluation told by t (NaN before the first,
    /// which leaves the time out of the band).
    /// </summary>
    public static Band ByVirtualTime(IReadOnlyList<ReplicateResult> replicates, double endSeconds, int points = 60)
    {
        var x = new List<double>();
        var med = new List<double>();
        var lo = new List<double>();
        var hi = new List<double>();
        var column = new List<double>(replicates.Count);
        for (int p = 1; p <= points; p++)
        {
            double t = endSeconds * p / points;
            column.Clear();
            foreach (var r in replicates)
            {
                double value = double.NaN;
                foreach (var e in r.Evaluations)
                {
                    if (e.VirtualSeconds > t)
                    {
                        break;
                    }

                    value = e.Metric;
                }

                if (!double.IsNaN(value))
                {
                    column.Add(value);
                }
            }

            if (column.Count * 2 < replicates.Count)
            {
                continue; // most replicates have not reported yet
            }

            column.Sort();
            x.Add(t);
            med.Add(RunSummary.Quantile(column, 0.5));
            lo.Add(RunSummary.Quantile(column, 0.25));
            hi.Add(RunSummary.Quantile(column, 0.75));
        }

        return new Band([.. x], [.. med], [.. lo], [.. hi]);
    }
}
