using Almab.Algorithms.Randomness;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// A random train/test split (SH-RR paper, section 7: a fresh random split with test fraction 0.3 at every pull). The
/// test part has ceil(fraction · n) rows, as scikit-learn's train_test_split; rows are a uniform random permutation.
/// </summary>
public static class TrainTestSplit
{
    /// <summary>The paper's test fraction.</summary>
    public const double PaperTestFraction = 0.3;

    /// <summary>Splits <paramref name="data"/>; the permutation comes from <paramref name="seed"/> only.</summary>
    public static (LabeledData Train, LabeledData Test) Split(LabeledData data, double testFraction, Seed seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Rows;
        int test = (int)Math.Ceiling(testFraction * n);
        if (!(testFraction > 0 && testFraction < 1) || test < 1 || test >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, $"the test fraction must leave >= 1 row on each side of {n} rows");
        }

        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var rng = new Rng(seed);
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return (data.Subset(order.AsSpan(test)), data.Subset(order.AsSpan(0, test)));
    }
}
