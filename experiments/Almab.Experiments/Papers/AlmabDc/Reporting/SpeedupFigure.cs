using System.Globalization;
using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;
using Almab.Sim.Scaling;
using Almab.Experiments.Reporting;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>The speedup-vs-K figure shared by case reports and <c>almab scaling</c>: ideal line, measured speedup with its CI band, fitted Amdahl curve.</summary>
public static class SpeedupFigure
{
    /// <summary>Builds the figure; <paramref name="fit"/> is drawn from K = 1 to the largest K.</summary>
    public static Figure Build(string title, string xLabel, string yLabel, double[] workers, double[] speedup, double[] lower, double[] upper, AmdahlFitResult? fit)
    {
        var figure = new Figure(900, 560, title);
        var axes = figure.AddAxes().Labels(xLabel, yLabel);
        axes.Add(new LineSeries(workers, workers, "ideal (linear)") { Style = LineStyle.Dashed, Color = Palette.Black });
        axes.Add(new BandSeries(workers, lower, upper, "95 % CI") { Color = Palette.Blue });
        axes.Add(new LineSeries(workers, speedup, "measured") { Marker = MarkerShape.Circle, Color = Palette.Blue });
        if (fit is not null)
        {
            double[] grid = [.. Enumerable.Range(0, 60).Select(j => 1 + (workers[^1] - 1) * j / 59.0)];
            axes.Add(new LineSeries(grid, [.. grid.Select(fit.Predict)], $"Amdahl fit, p = {fit.SerialFraction.ToString("G3", CultureInfo.InvariantCulture)}")
            {
                Color = Palette.Vermillion,
            });
        }

        return figure;
    }
}
