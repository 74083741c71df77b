using Almab.Reports.Figures;
using ScottPlot;

namespace Almab.Reports.Tests.Figures.Charts;

/// <summary>The automatic legend sits in a corner free of data, and outside the data area when no corner is free.</summary>
public sealed class ChartLegendTests
{
    private static Chart Prepared(Chart chart)
    {
        _ = new ChartGrid(800, 500).Add(chart).RenderPng();
        return chart;
    }

    [Fact]
    public void Rising_curve_puts_the_legend_upper_left()
    {
        var chart = new Chart();
        chart.Line([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "rising");
        Prepared(chart);
        Assert.True(chart.Plot.Legend.IsVisible);
        Assert.Equal(Alignment.UpperLeft, chart.Plot.Legend.Alignment);
    }

    [Fact]
    public void Falling_curve_keeps_the_legend_upper_right()
    {
        var chart = new Chart();
        chart.Line([0, 1, 2, 3, 4], [4, 1, 0.5, 0.3, 0.2], "falling");
        Prepared(chart);
        Assert.Equal(Alignment.UpperRight, chart.Plot.Legend.Alignment);
    }

    [Fact]
    public void Heatmap_filling_the_plot_sends_the_legend_outside()
    {
        var chart = new Chart().NoGrid();
        var field = new double[10, 10];
        for (int i = 0; i < 10; i++)
        {
            for (int j = 0; j < 10; j++)
            {
                field[i, j] = i + j;
            }
        }

        chart.Heatmap(field, 0, 1, 0, 1, "field value");
        chart.Points([0.5], [0.5], "picks", ChartPalette.Vermillion, outline: true);
        Prepared(chart);
        Assert.False(chart.Plot.Legend.IsVisible);
        Assert.Contains(chart.Plot.Axes.GetPanels(), p => p is ScottPlot.Panels.LegendPanel);
    }

    [Fact]
    public void No_labels_no_legend()
    {
        var chart = new Chart();
        chart.Line([0, 1], [0, 1]);
        Prepared(chart);
        Assert.False(chart.Plot.Legend.IsVisible);
    }
}
