namespace Almab.Reports.Statistics;

/// <summary>
/// Friedman's rank test for k treatments measured on N blocks, with the tie correction of
/// <c>scipy.stats.friedmanchisquare</c> and R's <c>friedman.test</c> (Demšar 2006, section 3.2.2).
/// </summary>
/// <remarks>
/// Values are ranked within each block, smallest = rank 1 (mid-ranks for ties). Statistic:
/// (12 / (N k (k + 1)) Σ_j R_j² - 3 N (k + 1)) / C, with R_j the rank sums and
/// C = 1 - Σ(t³ - t) / (N k (k² - 1)); p from chi-square with k - 1 degrees of freedom, and, without ties and
/// when enumerable, also from the exact permutation distribution (<see cref="FriedmanResult.ExactPValue"/>).
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
        double? exact = ties == 0 ? ExactUpperTail(rankSums, n, k) : null;
        return new FriedmanResult(chi2, p, n, k, meanRanks, exact);
    }

    /// <summary>Largest number of block rankings enumerated for the exact p-value ((k!)^(N-1)).</summary>
    public const long MaxExactEnumeration = 2_000_000;

    /// <summary>
    /// Exact P(S &gt;= observed S) for S = Σ_j R_j² (the statistic is increasing in S when there are no ties), every
    /// block's ranking uniform over the k! permutations and independent. S does not change when the treatments are
    /// relabelled, so the first block is fixed to the identity and the other N - 1 blocks are enumerated.
    /// </summary>
    private static double? ExactUpperTail(double[] observedRankSums, int n, int k)
    {
        double perBlock = 1;
        for (int i = 2; i <= k; i++)
        {
            perBlock *= i;
        }

        if (Math.Pow(perBlock, n - 1) > MaxExactEnumeration)
        {
            return null;
        }

        var permutations = Permutations(k);
        long observed = 0;
        foreach (double r in observedRankSums)
        {
            observed += (long)Math.Round(r) * (long)Math.Round(r);
        }

        var sums = new int[k];
        for (int j = 0; j < k; j++)
        {
            sums[j] = j + 1;
        }

        long atLeast = 0, total = 0;
        Enumerate(1);
        return (double)atLeast / total;

        void Enumerate(int block)
        {
            if (block == n)
            {
                long s = 0;
                foreach (int r in sums)
                {
                    s += (long)r * r;
                }

                total++;
                if (s >= observed)
                {
                    atLeast++;
                }

                return;
            }

            foreach (int[] perm in permutations)
            {
                for (int j = 0; j < k; j++)
                {
                    sums[j] += perm[j];
                }

                Enumerate(block + 1);
                for (int j = 0; j < k; j++)
                {
                    sums[j] -= perm[j];
                }
            }
        }
    }

    private static List<int[]> Permutations(int k)
    {
        var result = new List<int[]>();
        var current = new int[k];
        var used = new bool[k + 1];
        Fill(0);
        return result;

        void Fill(int position)
        {
            if (position == k)
            {
                result.Add((int[])current.Clone());
                return;
            }

            for (int r = 1; r <= k; r++)
            {
                if (!used[r])
                {
                    used[r] = true;
                    current[position] = r;
                    Fill(position + 1);
                    used[r] = false;
                }
            }
        }
    }
}
