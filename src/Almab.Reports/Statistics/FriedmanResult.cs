namespace Almab.Reports.Statistics;

/// <summary>Result of <see cref="Friedman.Test"/>.</summary>
/// <param name="Statistic">Tie-corrected Friedman chi-square statistic.</param>
/// <param name="PValue">Upper tail of chi-square with k - 1 degrees of freedom.</param>
/// <param name="Blocks">N, the number of blocks (data sets, cases or replicates).</param>
/// <param name="Treatments">k, the number of treatments (methods).</param>
/// <param name="MeanRanks">Average rank of each treatment over the blocks (rank 1 = smallest value).</param>
public sealed record FriedmanResult(double Statistic, double PValue, int Blocks, int Treatments, IReadOnlyList<double> MeanRanks);
