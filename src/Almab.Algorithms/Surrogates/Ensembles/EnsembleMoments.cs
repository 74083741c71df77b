namespace Almab.Algorithms.Surrogates.Ensembles;

/// <summary>
/// Mean, variance and covariance across the members of an ensemble (trees of a forest, networks of a deep
/// ensemble): with member predictions f_m(x), m = 1..M, mean = (1/M) sum f_m, variance = (1/M) sum (f_m - mean)^2
/// (population form, as the spread across trees in SMAC's random forest) and Cov(a, b) = (1/M) sum (f_m(a) - mean(a))
/// (f_m(b) - mean(b)). The covariance diagonal is computed by the same arithmetic as the variance, so they agree
/// exactly.
/// </summary>
internal static class EnsembleMoments
{
    /// <summary>
    /// Member predictions are laid out member-major: <paramref name="predictions"/>[m * count + i] is member m at
    /// point i. Writes mean and variance of each point, summing members in index order (deterministic).
    /// </summary>
    public static void MeanVariance(ReadOnlySpan<double> predictions, int members, int count, Span<double> mean, Span<double> variance)
    {
        for (int i = 0; i < count; i++)
        {
            double s = 0.0;
            for (int m = 0; m < members; m++)
            {
                s += predictions[m * count + i];
            }

            double mu = s / members;
            double ss = 0.0;
            for (int m = 0; m < members; m++)
            {
                double e = predictions[m * count + i] - mu;
                ss += e * e;
            }

            mean[i] = mu;
            variance[i] = ss / members;
        }
    }

    /// <summary>
    /// Cross-covariance of two member-major prediction blocks (<paramref name="a"/> for <paramref name="countA"/>
    /// points, <paramref name="b"/> for <paramref name="countB"/>).
    /// </summary>
    public static void Covariance(double[] a, int countA, double[] b, int countB, int members, double[,] covariance)
    {
        var meanA = new double[countA];
        var meanB = new double[countB];
        var scratch = new double[Math.Max(countA, countB)];
        MeanVariance(a, members, countA, meanA, scratch);
        MeanVariance(b, members, countB, meanB, scratch);
        for (int i = 0; i < countA; i++)
        {
            for (int j = 0; j < countB; j++)
            {
                double ss = 0.0;
                for (int m = 0; m < members; m++)
                {
                    ss += (a[m * countA + i] - meanA[i]) * (b[m * countB + j] - meanB[j]);
                }

                covariance[i, j] = ss / members;
            }
        }
    }
}
