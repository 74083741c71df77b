namespace Almab.Reports.Figures.Model;

/// <summary>Markers at (X[i], Y[i]) without a connecting line.</summary>
public sealed class ScatterSeries : Series
{
    /// <summary>Creates a scatter series.</summary>
    public ScatterSeries(double[] x, double[] y, string? label = null)
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

    /// <summary>Marker shape (default circle).</summary>
    public MarkerShape Marker { get; set; } = MarkerShape.Circle;

    /// <summary>Marker size (diameter) in pixels.</summary>
    public double MarkerSizePx { get; set; } = 7.0;

    /// <summary>Draw a thin white outline around each marker (helps on heatmaps).</summary>
    public bool Outline { get; set; }
}
