using System.Globalization;
using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Builders;

/// <summary>
/// The dose-response landscape of ALMAB-DC case 4 (figure 11a): the objective curve (solid black with markers at
/// the dose levels), the component curves dashed in palette colours, and the optimum marked by a green vertical
/// line, a star-like diamond marker and "x* = …, f* = …".
/// </summary>
public static class DoseResponseFigures
{
    /// <summary>
    /// curves[c][i] is curve c at doses[i]; curve <paramref name="objectiveCurve"/> is the objective (drawn solid).
    /// </summary>
    public static Figure Landscape(double[] doses, IReadOnlyList<string> curveLabels, double[][] curves, int objectiveCurve, double optimumDose, double optimumValue, string xLabel = "Dose x", string yLabel = "Probability / net benefit", FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(doses);
        BuilderChecks.SameCount(curveLabels, curves, nameof(curves));
        if (objectiveCurve < 0 || objectiveCurve >= curves.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(objectiveCurve), objectiveCurve, $"Must index one of the {curves.Length} curves.");
        }

        options ??= new FigureOptions();
        var fig = new Figure(options.Width(1), options.Height(), options.Title);
        Axes ax = fig.AddAxes("Dose-response landscape");
        Rgba[] others = [Palette.Blue, Palette.Vermillion, Palette.ReddishPurple, Palette.Orange, Palette.SkyBlue];
        int o = 0;
        for (int c = 0; c < curves.Length; c++)
        {
            if (curves[c].Length != doses.Length)
            {
                throw new ArgumentException($"Curve '{curveLabels[c]}' has {curves[c].Length} values for {doses.Length} doses.", nameof(curves));
            }

            if (c != objectiveCurve)
            {
                ax.Add(new LineSeries(doses, curves[c], curveLabels[c]) { Color = others[o++ % others.Length], Style = LineStyle.Dashed });
            }
        }

        ax.Add(new LineSeries(doses, curves[objectiveCurve], curveLabels[objectiveCurve]) { Color = Palette.Black, Marker = MarkerShape.Circle, MarkerSizePx = 4.5, WidthPx = 2.2 });
        string xs = optimumDose.ToString("0.###", CultureInfo.InvariantCulture), fs = optimumValue.ToString("0.000", CultureInfo.InvariantCulture);
        ax.Add(new ReferenceLine(true, optimumDose, $"Optimum x* = {xs}") { Color = Palette.BluishGreen, WidthPx = 2 });
        ax.Add(new ScatterSeries([optimumDose], [optimumValue]) { Color = Palette.BluishGreen, Marker = MarkerShape.Diamond, MarkerSizePx = 12, Outline = true });
        ax.Annotate(new TextAnnotation(optimumDose, optimumValue, $"x* = {xs}, f* = {fs}") { OffsetXPx = 10, OffsetYPx = -14, Color = Palette.BluishGreen, SizePx = 12 });
        ax.Labels(xLabel, yLabel);
        return fig;
    }
}
