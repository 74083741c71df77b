using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Builders;

/// <summary>
/// A spatial field on a regular grid as a viridis heatmap with a colour bar and equal x/y scales, with sampled
/// locations overlaid as black squares outlined in white (ALMAB-DC case 5, figure 12a). The squares are named in
/// the panel title rather than a legend, which would cover the field. field[i, j] is the value of row i (y, from
/// the bottom) and column j (x); the cells tile [xMin, xMax] x [yMin, yMax].
/// </summary>
public static class SpatialFieldFigures
{
    /// <summary>The heatmap figure with sampled points; the panel is square-ish by default (600 x 520 px).</summary>
    public static Figure Field(double[,] field, double xMin, double xMax, double yMin, double yMax, double[] sampleX, double[] sampleY, string colorBarLabel = "Field value", string sampleLabel = "Sampled locations", FigureOptions? options = null)
    {
        options ??= new FigureOptions();
        var fig = new Figure(options.WidthPx ?? 600, options.HeightPx ?? 520, options.Title);
        Axes ax = fig.AddAxes($"Spatial field (■ {sampleLabel.ToLowerInvariant()})");
        ax.Add(new HeatmapSeries(field, xMin, xMax, yMin, yMax) { ColorBarLabel = colorBarLabel });
        ax.Add(new ScatterSeries(sampleX, sampleY, sampleLabel) { Color = Palette.Black, Marker = MarkerShape.Square, MarkerSizePx = 10, Outline = true });
        ax.Grid = false;
        ax.EqualAspect = true;
        ax.Legend = LegendPlacement.None;
        ax.Labels("Location x", "Location y");
        return fig;
    }
}
