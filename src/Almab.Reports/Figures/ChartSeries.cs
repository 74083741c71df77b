using ScottPlot;
using ScottPlot.Plottables;

namespace Almab.Reports.Figures;

/// <summary>The line, band, marker, reference-line, segment and text methods of <see cref="Chart"/>.</summary>
public sealed partial class Chart
{
    /// <summary>A line through (x[i], y[i]); <paramref name="step"/> holds each value until the next x.</summary>
    public Chart Line(double[] x, double[] y, string? label = null, Color? color = null, LinePattern? pattern = null, float width = 2,
        MarkerShape marker = MarkerShape.None, float markerSize = 7, bool step = false)
    {
        ChartChecks.Paired(x, y, nameof(y));
        Color c = color ?? NextColor();
        bool first = true;
        foreach ((double[] sx, double[] sy) in ChartChecks.FiniteRuns([.. x.Select(TX)], [.. y.Select(TY)]))
        {
            Scatter s = Plot.Add.ScatterLine(sx, sy, c);
            s.LineWidth = width;
            s.LinePattern = pattern ?? LinePattern.Solid;
            s.MarkerShape = marker;
            s.MarkerSize = marker == MarkerShape.None ? 0 : markerSize;
            s.ConnectStyle = step ? ConnectStyle.StepHorizontal : ConnectStyle.Straight;
            if (first && label is not null)
            {
                s.LegendText = AddLegend(label);
            }

            first = false;
        }

        return this;
    }

    /// <summary>A filled band between lower[i] and upper[i] over x[i] (e.g. mean ± sd, IQR).</summary>
    public Chart Band(double[] x, double[] lower, double[] upper, Color? color = null, double opacity = 0.2, string? label = null, bool step = false)
    {
        ChartChecks.Paired(x, lower, nameof(lower));
        ChartChecks.Paired(x, upper, nameof(upper));
        Color c = color ?? ChartPalette.Series(_nextColor);
        bool first = true;
        foreach ((double[] sx, double[] lo, double[] hi) in ChartChecks.FiniteRuns([.. x.Select(TX)], [.. lower.Select(TY)], [.. upper.Select(TY)]))
        {
            (double[] bx, double[] bl, double[] bh) = step ? ChartChecks.Steps(sx, lo, hi) : (sx, lo, hi);
            FillY band = Plot.Add.FillY(bx, bh, bl);
            band.FillColor = c.WithAlpha(opacity);
            band.LineWidth = 0;
            band.MarkerSize = 0;
            if (first && label is not null)
            {
                band.LegendText = AddLegend(label);
            }

            first = false;
        }

        return this;
    }

    /// <summary>Unconnected markers at (x[i], y[i]); <paramref name="outline"/> rings each in white to stand out on a heatmap.</summary>
    public Chart Points(double[] x, double[] y, string? label = null, Color? color = null, MarkerShape marker = MarkerShape.FilledCircle, float size = 8, bool outline = false)
    {
        ChartChecks.Paired(x, y, nameof(y));
        Color c = color ?? NextColor();
        foreach ((double[] sx, double[] sy) in ChartChecks.FiniteRuns([.. x.Select(TX)], [.. y.Select(TY)], breakRuns: false))
        {
            Scatter s = Plot.Add.ScatterPoints(sx, sy, c);
            s.MarkerShape = marker;
            s.MarkerSize = size;
            s.MarkerFillColor = c;
            s.MarkerLineColor = outline ? Colors.White : c;
            s.MarkerLineWidth = outline ? 1.5f : 0;
            if (label is not null)
            {
                s.LegendText = AddLegend(label);
                label = null;
            }
        }

        return this;
    }

    /// <summary>A vertical line across the plot at x (data units), optionally in the legend.</summary>
    public Chart VerticalLine(double x, string? label = null, Color? color = null, LinePattern? pattern = null, float width = 1.5f)
    {
        VerticalLine line = Plot.Add.VerticalLine(TX(x), width, color ?? Colors.Black, pattern ?? LinePattern.Dashed);
        line.LegendText = label is null ? string.Empty : AddLegend(label);
        return this;
    }

    /// <summary>A horizontal line across the plot at y (data units), optionally in the legend.</summary>
    public Chart HorizontalLine(double y, string? label = null, Color? color = null, LinePattern? pattern = null, float width = 1.5f)
    {
        HorizontalLine line = Plot.Add.HorizontalLine(TY(y), width, color ?? Colors.Black, pattern ?? LinePattern.Dashed);
        line.LegendText = label is null ? string.Empty : AddLegend(label);
        return this;
    }

    /// <summary>A straight segment between two points (data units), not in the legend.</summary>
    public Chart Segment(double x1, double y1, double x2, double y2, Color? color = null, float width = 1.5f)
    {
        LinePlot line = Plot.Add.Line(TX(x1), TY(y1), TX(x2), TY(y2));
        line.Color = color ?? Colors.Black;
        line.LineWidth = width;
        line.MarkerSize = 0;
        return this;
    }

    /// <summary>Text anchored at (x, y) in data units by <paramref name="alignment"/>, shifted by the pixel offsets (y down).</summary>
    public Chart Text(double x, double y, string text, Color? color = null, float size = 12, Alignment alignment = Alignment.LowerLeft, float offsetX = 0, float offsetY = 0)
    {
        Text t = Plot.Add.Text(ChartFont.RequireDrawable(text), TX(x), TY(y));
        t.LabelFontSize = size;
        t.LabelFontColor = color ?? Colors.Black;
        t.LabelAlignment = alignment;
        t.OffsetX = offsetX;
        t.OffsetY = offsetY;
        return this;
    }
}
