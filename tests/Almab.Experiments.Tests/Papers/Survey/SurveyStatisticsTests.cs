using Almab.Experiments.Papers.Survey;

namespace Almab.Experiments.Tests.Papers.Survey;

/// <summary>The survey's slope and paired-ratio intervals against scipy/numpy (survey_statistics_fixture.py).</summary>
public sealed class SurveyStatisticsTests
{
    [Fact]
    public void Slope_and_its_t_interval_match_scipy_linregress()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8];
        double[] y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.3, 13.8, 16.4];
        var (a, b, lo, hi) = SurveyStatistics.Slope(x, y);
        Assert.Equal(2.026190476190476, b, 1e-12);
        Assert.Equal(-0.042857142857142705, a, 1e-12);
        Assert.Equal(1.9381558160543302, lo, 1e-9);
        Assert.Equal(2.114225136326622, hi, 1e-9);
    }

    [Fact]
    public void Paired_ratio_interval_matches_the_ratio_estimator()
    {
        double[] a = [3, 5, 4, 6, 8, 7];
        double[] b = [2, 3, 3.5, 4, 5, 6.5];
        var (r, lo, hi) = SurveyStatistics.PairedRatio(a, b);
        Assert.Equal(1.375, r, 1e-12);
        Assert.Equal(1.142442397652028, lo, 1e-9);
        Assert.Equal(1.607557602347972, hi, 1e-9);
    }

    [Fact]
    public void Paired_comparison_uses_the_signed_rank_test_and_refuses_unpaired_samples()
    {
        double[] reference = [10, 12, 11, 13, 12, 14, 10, 11, 12, 13];
        double[] better = [8, 10, 9, 10, 9, 11, 8, 9, 10, 10];
        var c = SurveyComparison.AgainstReference(reference, [("better", better), ("same", reference)]);
        Assert.True(c[0].Upper < 1);
        Assert.True(c[0].P < 0.05, $"p = {c[0].P}");
        Assert.Equal(1.0, c[1].P); // identical samples: nothing to test
        Assert.Throws<ArgumentException>(() => SurveyComparison.AgainstReference(reference, [("short", better[..5])]));
    }
}
