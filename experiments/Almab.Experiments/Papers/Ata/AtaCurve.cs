namespace Almab.Experiments.Papers.Ata;

/// <summary>
/// One method's run in one cell of Table 1 or 2, at log-spaced checkpoint rounds (the data of the paper's Figures 1-2:
/// suboptimality against runtime and against total worker time, average iteration time C_k / k, averaged regret).
/// </summary>
/// <param name="Model">"sqrt" or "linear".</param>
/// <param name="Workers">n.</param>
/// <param name="Method">GTA, ATA, ATA-E, OFTA or UTA.</param>
/// <param name="Replicate">Seed index.</param>
/// <param name="Rounds">Checkpoint rounds k (the last one is the round that reached the tolerance).</param>
/// <param name="RuntimeSeconds">Cumulative runtime (sum of C(a_j), j ≤ k) in seconds.</param>
/// <param name="WorkerSeconds">Cumulative total worker time in seconds.</param>
/// <param name="Suboptimality">f(x_k) − f*.</param>
/// <param name="CumulativeRegret">Proxy regret R_k of eq. (9) in seconds (NaN for GTA).</param>
public sealed record AtaCurve(string Model, int Workers, string Method, int Replicate, long[] Rounds, double[] RuntimeSeconds,
    double[] WorkerSeconds, double[] Suboptimality, double[] CumulativeRegret);
