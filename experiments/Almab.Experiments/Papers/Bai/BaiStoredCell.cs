namespace Almab.Experiments.Papers.Bai;

/// <summary>A finished cell as stored in a BAI database: its key (agent, instance, env, L), its trials and its compute seconds.</summary>
/// <param name="Agent">Agent name.</param>
/// <param name="Instance">Instance name (a synthetic instance, or a real-world data set).</param>
/// <param name="Env">Environment name (a consumption model, or the replay clock).</param>
/// <param name="Resources">Number of resources L.</param>
/// <param name="Rows">Trials in trial order.</param>
/// <param name="ComputeSeconds">Real seconds the cell took to compute (measures the machine, not the experiment).</param>
public sealed record BaiStoredCell(string Agent, string Instance, string Env, int Resources, BaiTrialRow[] Rows, double ComputeSeconds);
