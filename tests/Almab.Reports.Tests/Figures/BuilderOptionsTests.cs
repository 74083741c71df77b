using Almab.Reports.Figures.Builders;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Tests.Figures;

/// <summary>The builder options the case reports use: group labels, the sign of an advantage, and threshold direction.</summary>
public sealed class BuilderOptionsTests
{
    [Fact]
    public void Ablation_groups_can_be_named()
    {
        double[][][] final = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]];
        Figure fig = AblationFigures.Bars(["full", "no-mab"], ["K = 1", "K = 4"], final, "Final regret", groupLabel: "Workers K");
        Axes axes = Assert.IsType<Axes>(Assert.Single(fig.Panels));
        Assert.Equal("Workers K", axes.X.Label);
        Assert.Equal(["K = 1", "K = 4"], axes.X.Categories!);
        Assert.Equal([1.5, 3.5], Assert.IsType<BarSeries>(axes.Series[0]).Values);
        Assert.Equal("Case", AblationFigures.Bars(["a"], ["c"], [[[1.0]]], "y").Panels.OfType<Axes>().Single().X.Label);
    }

    [Fact]
    public void Budget_advantage_favours_the_method_when_positive_for_either_direction()
    {
        // Method 0 means 0.2, 0.1; method 1 means 0.3, 0.3.
        double[][][] final = [[[0.1, 0.3], [0.1, 0.1]], [[0.3, 0.3], [0.2, 0.4]]];
        double[] Advantage(bool lower) =>
            SensitivityFigures.Budget(["a", "b"], [10, 20], final, "IPV", advantageOf: 0, over: 1, lowerIsBetter: lower)
                .Panels.OfType<Axes>().Last().Series.OfType<BarSeries>().Single().Values;

        Assert.Equal([0.1, 0.2], Advantage(true).Select(v => Math.Round(v, 12)));
        Assert.Equal([-0.1, -0.2], Advantage(false).Select(v => Math.Round(v, 12)));
    }

    [Theory]
    [InlineData(OptimizationGoal.Minimize, "≤ 0.5", 3)]
    [InlineData(OptimizationGoal.Maximize, "≥ 0.5", 1)]
    public void Threshold_bars_name_the_direction(OptimizationGoal goal, string label, double evaluations)
    {
        // Curve 0.9, 0.7, 0.5, 0.3: first at or below 0.5 at evaluation 3; first at or above 0.5 at evaluation 1.
        double[] curve = [0.9, 0.7, 0.5, 0.3];
        Figure fig = ConvergenceRateFigures.ConvergenceRate(["m"], [curve], [0.5], goal == OptimizationGoal.Minimize ? 0 : 1, goal, "y");
        BarSeries bars = fig.Panels.OfType<Axes>().ElementAt(1).Series.OfType<BarSeries>().Single();
        Assert.Equal(label, bars.Label);
        Assert.Equal([evaluations], bars.Values);
    }
}
