namespace Almab.Reports.Figures.Model;

/// <summary>
/// A polyline through (X[i], Y[i]), optionally with markers and optionally as a post-step function
/// (horizontal to the next x, then vertical). Non-finite points break the line.
/// </summary>
public sealed class LineSeries : Series
{
    /// <summary>Creates a line.</summary>
    public LineSeries(double[] x, double[] y, string? label = null)
    {
        CheckPaired(x, y, nameof(x), nameof(y));
        X = x;
        Y = y;
        Label = label;
    }

    /// <summary>X values.</summary>
    public double[] X { get; }

    /// <summary>Y values.</summary>
    public double[] Y { get; }

    /// <summary>Stroke pattern.</summary>
    public LineStyle Style { get; set; } = LineStyle.Solid;

    /// <summary>Stroke width in pixels (default 2).</summary>
    public double WidthPx { get; set; } = 2.0;

    /// <summary>Marker at each point (default none).</summary>
    public MarkerShape Marker { get; set; } = MarkerShape.None;

    /// <summary>Marker size (diameter) in pixels.</summary>
    public double MarkerSizePx { get; set; } = 7.0;

    /// <summary>Draw as a step function that holds each value until the next x.</summary>
    public bool Step { get; set; }
}
