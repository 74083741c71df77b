namespace Almab.Reports.Statistics;

/// <summary>Result of <see cref="Friedman.Test"/>.</summary>
/// <param name="Statistic">Tie-corrected Friedman chi-square statistic.</param>
/// <param name="PValue">Upper tail of chi-square with k - 1 degrees of freedom.</param>
/// <param name="Blocks">N, the number of blocks (data sets, cases or replicates).</param>
/// <param name="Treatments">k, the number of treatments (methods).</param>
/// <param name="MeanRanks">Average rank of each treatment over the blocks (rank 1 = smallest value).</param>
/// <param name="ExactPValue">
/// P(statistic &gt;= observed) under the exact permutation distribution (every block's ranking equally likely and
/// independent), when no block has ties and the (k!)^(N-1) rankings are few enough to enumerate; otherwise null.
/// With few blocks the chi-square approximation is poor (k = 4, N = 3: the largest possible statistic, 9, has
/// exact p = 1/576 = 0.0017 against 0.029 from chi-square), so reports should prefer this one when it exists.
/// </param>
public sealed record FriedmanResult(double Statistic, double PValue, int Blocks, int Treatments, IReadOnlyList<double> MeanRanks,
    double? ExactPValue = null);
