namespace Almab.Reports.Figures.Model;

/// <summary>A horizontal (y = Value) or vertical (x = Value) line across the whole plot.</summary>
public sealed class ReferenceLine : Series
{
    /// <summary>Creates a reference line.</summary>
    public ReferenceLine(bool vertical, double value, string? label = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A reference line needs a finite value.");
        }

        Vertical = vertical;
        Value = value;
        Label = label;
    }

    /// <summary>True for x = Value, false for y = Value.</summary>
    public bool Vertical { get; }

    /// <summary>Position in data units.</summary>
    public double Value { get; }

    /// <summary>Stroke pattern (default dashed).</summary>
    public LineStyle Style { get; set; } = LineStyle.Dashed;

    /// <summary>Stroke width in pixels.</summary>
    public double WidthPx { get; set; } = 1.5;
}
