namespace Almab.Experiments.Papers.Ata;

/// <summary>Averaged cumulative regret of one policy at log-spaced rounds, with its slopes against ln k.</summary>
/// <param name="Method">ATA or ATA-E.</param>
/// <param name="Rounds">Checkpoint rounds k.</param>
/// <param name="MeanRegret">Mean over seeds of R_k (seconds).</param>
/// <param name="SdRegret">Standard deviation over seeds of R_k.</param>
/// <param name="EarlySlope">dR/d ln k over [T/4, T/2] (seconds per unit of ln k).</param>
/// <param name="LateSlope">dR/d ln k over [T/2, T].</param>
/// <param name="IncrementRatio">(R(T) − R(T/2)) / (R(T/2) − R(T/4)) of the mean curve: 1 for logarithmic growth, √2 for √T, 2 for linear.</param>
public sealed record AtaRegretCurve(string Method, int[] Rounds, double[] MeanRegret, double[] SdRegret, double EarlySlope, double LateSlope, double IncrementRatio);
