using Almab.Algorithms.BestArm;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Bai;

/// <summary>Parsing of the names used in case files and on the command line; unknown names are one-line usage errors.</summary>
public static class BaiNames
{
    /// <summary>Stored name of a consumption model.</summary>
    public static string Model(ConsumptionModel model) => model.ToString().ToLowerInvariant();

    /// <summary>Parses a consumption model name.</summary>
    public static ConsumptionModel ParseModel(string name) =>
        Enum.GetValues<ConsumptionModel>().Where(m => Model(m) == name).Cast<ConsumptionModel?>().FirstOrDefault()
        ?? throw new UsageException($"unknown consumption model '{name}' (known: deterministic, uncorrelated, correlated)");

    /// <summary>Parses a reward family name (e.g. <c>one-suboptimal</c>).</summary>
    public static RewardFamily ParseFamily(string name) =>
        Enum.GetValues<RewardFamily>().Where(f => SyntheticInstance.FamilyName(f) == name).Cast<RewardFamily?>().FirstOrDefault()
        ?? throw new UsageException($"unknown instance family '{name}' (known: {string.Join(", ", Enum.GetValues<RewardFamily>().Select(SyntheticInstance.FamilyName))})");

    /// <summary>Parses a matching name (HL, HH, Mixture).</summary>
    public static ConsumptionMatching ParseMatching(string name) =>
        Enum.TryParse<ConsumptionMatching>(name, ignoreCase: false, out var m) && Enum.IsDefined(m)
            ? m
            : throw new UsageException($"unknown consumption matching '{name}' (known: HL, HH, Mixture)");
}
