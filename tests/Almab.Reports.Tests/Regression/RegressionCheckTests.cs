using Almab.Reports.Regression;

namespace Almab.Reports.Tests.Regression;

public class RegressionCheckTests
{
    private static readonly double[] Base = [1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly double[] Shifted = [11, 12, 13, 14, 15, 16, 17, 18];

    [Fact]
    public void Direction_decides_what_worse_means()
    {
        var findings = RegressionCheck.Run([
            new RegressionSample("regret up", LowerIsBetter: true, Base, Shifted),
            new RegressionSample("accuracy up", LowerIsBetter: false, Base, Shifted),
        ]);
        Assert.True(findings[0].Worse);
        Assert.False(findings[1].Worse);
        // Complete separation, n = m = 8 (scipy's 'auto' is exact up to 8 without ties): p = 1 / C(16, 8); Holm doubles the smaller.
        Assert.Equal(1.0 / 12870, findings[0].PValue, 15);
        Assert.Equal(2.0 / 12870, findings[0].AdjustedPValue, 15);
        Assert.Equal(1.0, findings[0].A12);
        Assert.Equal(0.0, findings[1].A12);
    }

    [Fact]
    public void Identical_constant_samples_are_not_worse()
    {
        var f = RegressionCheck.Run([new RegressionSample("flat", true, [0.5, 0.5, 0.5], [0.5, 0.5, 0.5])]).Single();
        Assert.Equal(1.0, f.PValue);
        Assert.False(f.Worse);
    }
}
