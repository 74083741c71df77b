namespace Almab.Reports.Statistics;

/// <summary>A bootstrap confidence interval.</summary>
/// <param name="Estimate">The statistic on the original sample.</param>
/// <param name="Lower">Lower end of the interval.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="Level">Confidence level, e.g. 0.95.</param>
/// <param name="Method">Percentile or BCa.</param>
/// <param name="Replicates">Number of bootstrap resamples.</param>
/// <param name="StandardError">Standard deviation (n - 1 denominator) of the bootstrap replicates.</param>
public sealed record BootstrapInterval(
    double Estimate, double Lower, double Upper, double Level, BootstrapMethod Method, int Replicates, double StandardError);
