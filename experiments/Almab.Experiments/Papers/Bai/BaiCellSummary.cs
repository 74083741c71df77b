namespace Almab.Experiments.Papers.Bai;

/// <summary>Aggregates of one stored cell.</summary>
/// <param name="Agent">Agent name.</param>
/// <param name="Instance">Instance name (family/matching).</param>
/// <param name="Env">Consumption model.</param>
/// <param name="Resources">L.</param>
/// <param name="Trials">Trials stored.</param>
/// <param name="Successes">Trials whose answer was the best arm.</param>
/// <param name="MeanPulls">Mean pulls per trial.</param>
/// <param name="NoAnswer">Trials without an answer (SH-RR's failure rule).</param>
/// <param name="ComputeSeconds">Real seconds the cell took.</param>
public sealed record BaiCellSummary(string Agent, string Instance, string Env, int Resources, long Trials, long Successes,
    double MeanPulls, long NoAnswer, double ComputeSeconds)
{
    /// <summary>Failures = trials − successes.</summary>
    public long Failures => Trials - Successes;

    /// <summary>The instance's family.</summary>
    public string Family => Instance[..Instance.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The instance's matching.</summary>
    public string Matching => Instance[(Instance.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
