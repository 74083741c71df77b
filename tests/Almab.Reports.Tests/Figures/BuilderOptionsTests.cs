using Almab.Reports.Figures;
using Almab.Reports.Figures.Builders;
using ScottPlot.Plottables;

namespace Almab.Reports.Tests.Figures;

/// <summary>The builder options the case reports use: group labels, the sign of an advantage, and threshold direction.</summary>
public sealed class BuilderOptionsTests
{
    private static double[] Heights(Chart chart, int plot = 0) => [.. chart.Plot.GetPlottables<BarPlot>().ElementAt(plot).Bars.Select(b => b.Value)];

    [Fact]
    public void Ablation_groups_can_be_named()
    {
        double[][][] final = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]];
        ChartGrid grid = AblationFigures.Bars(["full", "no-mab"], ["K = 1", "K = 4"], final, "Final regret", groupLabel: "Workers K");
        Chart chart = Assert.Single(grid.Charts);
        Assert.Equal("Workers K", chart.Plot.Axes.Bottom.Label.Text);
        Assert.Equal([1.5, 3.5], Heights(chart));
        Assert.Equal(["full", "no-mab"], chart.LegendLabels);
        var svg = new Charts.SvgChart(grid.RenderSvg());
        Assert.Contains("K = 1", svg.Texts);
        Assert.Contains("K = 4", svg.Texts);
        Assert.Equal("Case", AblationFigures.Bars(["a"], ["c"], [[[1.0]]], "y").Charts.Single().Plot.Axes.Bottom.Label.Text);
    }

    [Fact]
    public void Budget_advantage_favours_the_method_when_positive_for_either_direction()
    {
        // Method 0 means 0.2, 0.1; method 1 means 0.3, 0.3.
        double[][][] final = [[[0.1, 0.3], [0.1, 0.1]], [[0.3, 0.3], [0.2, 0.4]]];
        double[] Advantage(bool lower) =>
            Heights(SensitivityFigures.Budget(["a", "b"], [10, 20], final, "IPV", advantageOf: 0, over: 1, lowerIsBetter: lower).Charts[^1]);

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
        ChartGrid grid = ConvergenceRateFigures.ConvergenceRate(["m"], [curve], [0.5], goal == OptimizationGoal.Minimize ? 0 : 1, goal, "y");
        Chart bars = grid.Charts[1];
        Assert.Equal(label, bars.Plot.GetPlottables<BarPlot>().Single().LegendText);
        Assert.Equal([evaluations], Heights(bars));
    }
}
