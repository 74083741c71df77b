namespace Almab.Reports.Statistics;

/// <summary>
/// Friedman's rank test for k treatments measured on N blocks, with the tie correction of
/// <c>scipy.stats.friedmanchisquare</c> and R's <c>friedman.test</c> (Demšar 2006, section 3.2.2).
/// </summary>
/// <remarks>
/// Values are ranked within each block, smallest = rank 1 (mid-ranks for ties). Statistic:
/// (12 / (N k (k + 1)) Σ_j R_j² - 3 N (k + 1)) / C, with R_j the rank sums and
/// C = 1 - Σ(t³ - t) / (N k (k² - 1)); p from chi-square with k - 1 degrees of freedom.
/// Like R (unlike scipy) k = 2 is accepted.
/// </remarks>
public static class Friedman
{
    /// <summary>Runs the test on a block-by-treatment table.</summary>
    /// <param name="blocks">One row per block, each with one value per treatment (same k for all rows).</param>
    public static FriedmanResult Test(IReadOnlyList<IReadOnlyList<double>> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        int n = blocks.Count;
        if (n == 0)
        {
            throw new ArgumentException("The Friedman test needs at least one block.", nameof(blocks));
        }

        int k = blocks[0].Count;
        if (k < 2)
        {
            throw new ArgumentException($"The Friedman test needs at least 2 treatments (blocks[0] has {k}).", nameof(blocks));
        }

        var rankSums = new double[k];
        double ties = 0;
        for (int i = 0; i < n; i++)
        {
            if (blocks[i].Count != k)
            {
                throw new ArgumentException($"blocks[{i}] has {blocks[i].Count} values, expected {k} (one per treatment).", nameof(blocks));
            }

            Ranking.RequireFinite(blocks[i], $"blocks[{i}]");
            double[] row = blocks[i].ToArray();
            double[] r = Ranking.MidRanks(row, out double tieTerm);
            ties += tieTerm;
            for (int j = 0; j < k; j++)
            {
                rankSums[j] += r[j];
            }
        }

        double c = 1.0 - ties / (k * (k * (double)k - 1.0) * n);
        double ss = 0;
        var meanRanks = new double[k];
        for (int j = 0; j < k; j++)
        {
            ss += rankSums[j] * rankSums[j];
            meanRanks[j] = rankSums[j] / n;
        }

        // Every block entirely tied: no information (0/0); report statistic 0 and p = 1.
        double chi2 = c <= 0 ? 0.0 : (12.0 / (k * (double)n * (k + 1)) * ss - 3.0 * n * (k + 1)) / c;
        chi2 = Math.Max(chi2, 0.0);
        double p = MathNet.Numerics.SpecialFunctions.GammaUpperRegularized((k - 1) / 2.0, chi2 / 2.0);
        return new FriedmanResult(chi2, p, n, k, meanRanks);
    }
}
