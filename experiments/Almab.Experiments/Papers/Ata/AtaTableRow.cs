namespace Almab.Experiments.Papers.Ata;

/// <summary>One method at one n of ATA Table 1 or 2: ratios against GTA with 95 % CIs over seeds.</summary>
/// <param name="Model">"sqrt" (Table 1) or "linear" (Table 2).</param>
/// <param name="Workers">n.</param>
/// <param name="Method">ATA, ATA-E, OFTA or UTA.</param>
/// <param name="WorkerRatio">Total worker time of GTA / of the method (mean over seeds).</param>
/// <param name="WorkerLower">95 % CI lower end.</param>
/// <param name="WorkerUpper">95 % CI upper end.</param>
/// <param name="RuntimeRatio">Runtime of the method / of GTA (mean over seeds).</param>
/// <param name="RuntimeLower">95 % CI lower end.</param>
/// <param name="RuntimeUpper">95 % CI upper end.</param>
/// <param name="MeanRounds">Mean SGD rounds to f − f* &lt; 1e−5.</param>
public sealed record AtaTableRow(string Model, int Workers, string Method, double WorkerRatio, double WorkerLower, double WorkerUpper,
    double RuntimeRatio, double RuntimeLower, double RuntimeUpper, double MeanRounds);
