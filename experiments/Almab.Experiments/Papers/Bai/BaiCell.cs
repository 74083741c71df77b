using System.Globalization;
using Almab.Algorithms.BestArm;

namespace Almab.Experiments.Papers.Bai;

/// <summary>One cell of the synthetic grid: an agent on one instance (family × matching) with L resources under one consumption model.</summary>
public sealed record BaiCell(string Agent, RewardFamily Family, ConsumptionMatching Matching, int Resources, ConsumptionModel Model)
{
    /// <summary>Instance name, e.g. <c>trap/HL</c>.</summary>
    public string Instance => $"{SyntheticInstance.FamilyName(Family)}/{Matching}";

    /// <summary>Consumption model name as stored (deterministic, uncorrelated, correlated).</summary>
    public string Environment => BaiNames.Model(Model);

    /// <summary>
    /// The seed coordinate shared by every agent of the cell's environment (common random numbers: all agents meet the
    /// same shuffles and the same per-trial environment streams).
    /// </summary>
    public string EnvironmentCoordinate => string.Create(CultureInfo.InvariantCulture, $"L={Resources}/{Instance}/{Environment}");

    /// <inheritdoc />
    public override string ToString() => $"{Agent} on {EnvironmentCoordinate}";
}
