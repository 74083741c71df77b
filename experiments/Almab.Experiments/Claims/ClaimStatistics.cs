using System.Globalization;
using Almab.Reports.Statistics;
using Almab.Experiments.Papers.AlmabDc.Claims;
using Almab.Experiments.Store;

namespace Almab.Experiments.Claims;

/// <summary>The per-replicate quantities and tests the claims check uses beyond the final metric.</summary>
public static class ClaimStatistics
{
    /// <summary>
    /// The quantity named by a claim's <c>of</c> for one replicate: the final metric (mean-final, median-final or none),
    /// the mean observed reward per pull (mean-reward: the objective is minimized, so reward = −observed; with K
    /// averaging agents the mean over all pulls equals the mean over iterations of the averaged reward r̄_t of eq. 8),
    /// the virtual makespan in seconds (makespan), or the illustrative example's cumulative regret counted per evaluation
    /// (regret-per-evaluation: every pull adds mu* − mu(a), K times the per-decision regret the case metric stores, since
    /// that metric adds 1/K of a decision's regret per pull; ALMAB-DC section 2.6 does not say which count it means).
    /// </summary>
    public static double PerReplicate(string? of, ReplicateResult replicate)
    {
        ArgumentNullException.ThrowIfNull(replicate);
        switch (of)
        {
            case null or "mean-final" or "median-final":
                return replicate.FinalMetric;
            case "makespan":
                return replicate.MakespanSeconds;
            case "regret-per-evaluation":
                if (replicate.MetricName != "cumulative-regret")
                {
                    throw new ArgumentException($"claim field 'of' = 'regret-per-evaluation' needs a cumulative-regret case, not {replicate.MetricName}");
                }

                return replicate.FinalMetric * replicate.Cell.Workers;
            case "mean-reward":
                if (replicate.Evaluations.Length == 0)
                {
                    return double.NaN;
                }

                double sum = 0;
                foreach (var e in replicate.Evaluations)
                {
                    sum += e.Observed;
                }

                return -sum / replicate.Evaluations.Length;
            default:
                throw new ArgumentException($"claim field 'of' = '{of}' is not one of mean-final, median-final, mean-reward, makespan, regret-per-evaluation");
        }
    }

    /// <summary>Whether <paramref name="of"/> asks for a median (else a mean).</summary>
    public static bool IsMedian(string? of) => of == "median-final";

    /// <summary>
    /// One-sided Mann–Whitney U of <paramref name="x"/> against <paramref name="y"/> (scipy's automatic method: normal
    /// approximation with tie and continuity correction for samples above 8), Bonferroni-multiplied by
    /// <paramref name="comparisons"/> and capped at 1.
    /// </summary>
    public static double OneSidedP(IReadOnlyList<double> x, IReadOnlyList<double> y, string alternative, int comparisons)
    {
        var alt = alternative switch
        {
            "less" => Alternative.Less,
            "greater" => Alternative.Greater,
            _ => throw new ArgumentException($"claim field 'alternative' = '{alternative}' is not 'less' or 'greater'"),
        };
        if (comparisons < 1)
        {
            throw new ArgumentException($"claim field 'comparisons' = {comparisons.ToString(CultureInfo.InvariantCulture)} must be at least 1");
        }

        return Math.Min(1.0, MannWhitneyU.Test(x, y, alt).PValue * comparisons);
    }
}
