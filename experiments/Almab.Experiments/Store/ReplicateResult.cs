using System.Collections.Immutable;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Store;

/// <summary>Everything one finished replicate produced; written to the store in one transaction.</summary>
/// <param name="Cell">Grid coordinates.</param>
/// <param name="Seed">The derived seed the replicate ran with (recorded for reruns).</param>
/// <param name="MetricName">Name of the case metric (e.g. "simple-regret").</param>
/// <param name="FinalMetric">Metric at the end of the replicate.</param>
/// <param name="CumulativeRegret">Sum of per-evaluation regrets, or NaN when the case has no regret.</param>
/// <param name="MakespanSeconds">Virtual wall-clock of the whole replicate.</param>
/// <param name="ComputeSeconds">Real coordinator compute (not deterministic).</param>
/// <param name="Evaluations">Per-evaluation trace in completion order.</param>
public sealed record ReplicateResult(
    CellKey Cell,
    ulong Seed,
    string MetricName,
    double FinalMetric,
    double CumulativeRegret,
    double MakespanSeconds,
    double ComputeSeconds,
    ImmutableArray<EvaluationRow> Evaluations)
{
    /// <summary>
    /// Attempts a simulated worker crash cut short in this replicate (each was requeued by the cluster's
    /// <c>CrashRequeue</c> rule and run again, so no evaluation was lost), or null when not recorded: a runner without a
    /// crash model to report, or a replicate read from a database of schema 1, which predates the column.
    /// </summary>
    public int? CrashedAttempts { get; init; }
}
