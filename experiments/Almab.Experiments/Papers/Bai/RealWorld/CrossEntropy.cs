namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// Mean cross-entropy (log loss) of predicted class probabilities, the real-world study's loss (SH-RR paper, section
/// 7: reward = −cross-entropy on the test split). Each row of probabilities is first divided by its sum (as
/// scikit-learn's log_loss does), then the true class's probability is clipped to [<see cref="Clip"/>, 1], so a
/// confident mistake costs at most −ln(1e−15) ≈ 34.54 nats instead of infinity. Natural logarithm.
/// </summary>
public static class CrossEntropy
{
    /// <summary>Smallest probability used in the logarithm.</summary>
    public const double Clip = 1e-15;

    /// <summary>
    /// Mean of −ln p(true class) over the rows; <paramref name="probabilities"/> is row-major, <paramref name="classes"/>
    /// per row. A row whose probabilities are negative, not finite or sum to zero is an error.
    /// </summary>
    public static double Mean(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> labels, int classes)
    {
        if (classes < 2 || labels.Length == 0 || probabilities.Length != labels.Length * classes)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities do not form {labels.Length} rows of {classes} classes");
        }

        double sum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            var row = probabilities.Slice(i * classes, classes);
            double total = 0;
            foreach (double p in row)
            {
                if (!(p >= 0) || double.IsInfinity(p))
                {
                    throw new ArgumentException($"row {i}: probability {p} is not finite and >= 0");
                }

                total += p;
            }

            if (!(total > 0))
            {
                throw new ArgumentException($"row {i}: the probabilities sum to 0");
            }

            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentException($"row {i}: label {labels[i]} outside 0..{classes - 1}");
            }

            double q = Math.Clamp(row[labels[i]] / total, Clip, 1.0);
            sum -= Math.Log(q);
        }

        return sum / labels.Length;
    }
}
