using System.Globalization;
using Almab.Reports.Figures;
using Almab.Sim.Scaling;
using ScottPlot;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>The speedup-vs-K figure shared by case reports and <c>almab scaling</c>: ideal line, measured speedup with its CI band, fitted Amdahl curve.</summary>
public static class SpeedupFigure
{
    /// <summary>Builds the chart; <paramref name="fit"/> is drawn from K = 1 to the largest K.</summary>
    public static Chart Build(string title, string xLabel, string yLabel, double[] workers, double[] speedup, double[] lower, double[] upper, AmdahlFitResult? fit)
    {
        var chart = new Chart(title).Labels(xLabel, yLabel);
        chart.Line(workers, workers, "ideal (linear)", ChartPalette.Black, LinePattern.Dashed);
        chart.Band(workers, lower, upper, ChartPalette.Blue, label: "95 % CI");
        chart.Line(workers, speedup, "measured", ChartPalette.Blue, marker: MarkerShape.FilledCircle);
        if (fit is not null)
        {
            double[] grid = [.. Enumerable.Range(0, 60).Select(j => 1 + (workers[^1] - 1) * j / 59.0)];
            chart.Line(grid, [.. grid.Select(fit.Predict)], $"Amdahl fit, p = {fit.SerialFraction.ToString("G3", CultureInfo.InvariantCulture)}", ChartPalette.Vermillion);
        }

        if (workers.Length <= 8)
        {
            chart.XTicks(workers);
        }
        return chart;
    }
}
