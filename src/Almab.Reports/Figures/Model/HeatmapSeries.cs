namespace Almab.Reports.Figures.Model;

/// <summary>
/// A matrix drawn as coloured cells over the rectangle [XMin, XMax] x [YMin, YMax]: Values[i, j] fills row i
/// (from the bottom) and column j (from the left). Colours come from viridis scaled to
/// [<see cref="ColorMin"/>, <see cref="ColorMax"/>] and a colour bar is drawn beside the plot.
/// </summary>
public sealed class HeatmapSeries : Series
{
    /// <summary>Creates a heatmap.</summary>
    public HeatmapSeries(double[,] values, double xMin, double xMax, double yMin, double yMax)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetLength(0) == 0 || values.GetLength(1) == 0)
        {
            throw new ArgumentException("A heatmap needs at least one row and one column.", nameof(values));
        }

        if (!(xMin < xMax) || !(yMin < yMax))
        {
            throw new ArgumentException($"Heatmap extent needs xMin < xMax and yMin < yMax (got [{xMin}, {xMax}] x [{yMin}, {yMax}]).");
        }

        Values = values;
        XMin = xMin;
        XMax = xMax;
        YMin = yMin;
        YMax = yMax;
    }

    /// <summary>Cell values [row from bottom, column from left].</summary>
    public double[,] Values { get; }

    /// <summary>Left edge of the first column.</summary>
    public double XMin { get; }

    /// <summary>Right edge of the last column.</summary>
    public double XMax { get; }

    /// <summary>Bottom edge of the first row.</summary>
    public double YMin { get; }

    /// <summary>Top edge of the last row.</summary>
    public double YMax { get; }

    /// <summary>Value mapped to the bottom of the colour scale; null for the data minimum.</summary>
    public double? ColorMin { get; set; }

    /// <summary>Value mapped to the top of the colour scale; null for the data maximum.</summary>
    public double? ColorMax { get; set; }

    /// <summary>Colour bar label with units; null for none.</summary>
    public string? ColorBarLabel { get; set; }
}
