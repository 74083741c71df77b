namespace Almab.Reports.Statistics;

/// <summary>A binomial proportion with its confidence interval.</summary>
/// <param name="Successes">Successes x.</param>
/// <param name="Trials">Trials n.</param>
/// <param name="Estimate">x / n.</param>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
public sealed record ProportionInterval(long Successes, long Trials, double Estimate, double Lower, double Upper);
