namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>The private U test against scipy.stats.mannwhitneyu(a, b, alternative='less', method='asymptotic').</summary>
public sealed class OneSidedRankSumTests
{
    [Fact]
    public void MatchesScipyWithTiesAndContinuityCorrection()
    {
        double[] a = [0.40, 0.41, 0.52, 0.40, 0.9, 0.45, 1.2, 0.43, 0.40, 0.61, 0.47, 0.55];
        double[] b = [1.3, 0.8, 0.52, 2.1, 0.95, 1.7, 0.40, 3.3, 1.1, 0.66, 0.9, 1.45, 2.2];
        Assert.Equal(0.0013564125088289388, OneSidedRankSum.PValueLess(a, b), 1e-12);
        Assert.True(OneSidedRankSum.PValueLess(b, a) > 0.99);
    }
}
