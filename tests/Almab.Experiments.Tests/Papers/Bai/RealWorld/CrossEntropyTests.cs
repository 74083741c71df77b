using Almab.Experiments.Papers.Bai.RealWorld;

namespace Almab.Experiments.Tests.Papers.Bai.RealWorld;

public sealed class CrossEntropyTests
{
    [Fact]
    public void Mean_cross_entropy_matches_a_hand_computed_case()
    {
        // Rows (0.7, 0.2, 0.1) with label 0 and (0.1, 0.1, 0.8) with label 2: (−ln 0.7 − ln 0.8) / 2.
        double[] p = [0.7, 0.2, 0.1, 0.1, 0.1, 0.8];
        Assert.Equal((0.35667494393873245 + 0.2231435513142097) / 2, CrossEntropy.Mean(p, [0, 2], 3), 14);
    }

    [Fact]
    public void Rows_are_normalised_before_the_logarithm()
    {
        // (2, 6) is (0.25, 0.75): label 1 costs −ln 0.75.
        Assert.Equal(-Math.Log(0.75), CrossEntropy.Mean([2.0, 6.0], [1], 2), 14);
    }

    [Fact]
    public void A_zero_probability_for_the_true_class_is_clipped_at_1e_minus_15()
    {
        Assert.Equal(-Math.Log(1e-15), CrossEntropy.Mean([1.0, 0.0], [1], 2), 10);
        Assert.Equal(34.538776394910684, -Math.Log(CrossEntropy.Clip), 10);
    }

    [Fact]
    public void Bad_probabilities_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CrossEntropy.Mean([0.0, 0.0], [0], 2));
        Assert.Throws<ArgumentException>(() => CrossEntropy.Mean([double.NaN, 1.0], [0], 2));
        Assert.Throws<ArgumentException>(() => CrossEntropy.Mean([-0.1, 1.1], [0], 2));
        Assert.Throws<ArgumentException>(() => CrossEntropy.Mean([0.5, 0.5], [2], 2));
        Assert.Throws<ArgumentException>(() => CrossEntropy.Mean([0.5, 0.5, 0.5], [0], 2));
    }
}
