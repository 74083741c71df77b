namespace Almab.Sim.Scaling;

/// <summary>One row of a scaling study.</summary>
/// <param name="Workers">K.</param>
/// <param name="MeanMakespanSeconds">Mean virtual makespan over replicates.</param>
/// <param name="MakespanSd">Standard deviation of the makespan over replicates.</param>
/// <param name="Speedup">Mean makespan at K = 1 over mean makespan at K.</param>
/// <param name="SpeedupStandardError">Delta-method standard error of the speedup (0 at K = 1).</param>
public sealed record ScalingPoint(int Workers, double MeanMakespanSeconds, double MakespanSd, double Speedup, double SpeedupStandardError);
