namespace Almab.Reports.Figures.Model;

/// <summary>One axis of an <see cref="Axes"/> panel: label, scale, limits and optional category names.</summary>
public sealed class Axis
{
    /// <summary>Axis label including units, e.g. "Virtual wall-clock (s)"; null for none.</summary>
    public string? Label { get; set; }

    /// <summary>Linear or log10 scale.</summary>
    public AxisScale Scale { get; set; } = AxisScale.Linear;

    /// <summary>Fixed lower limit; null to choose it from the data.</summary>
    public double? Min { get; set; }

    /// <summary>Fixed upper limit; null to choose it from the data.</summary>
    public double? Max { get; set; }

    /// <summary>
    /// Category names for a categorical axis (bars): category i sits at position i and ticks carry the names.
    /// Null for a numeric axis.
    /// </summary>
    public IReadOnlyList<string>? Categories { get; set; }

    /// <summary>Explicit tick positions (data units) instead of automatic ones; null for automatic.</summary>
    public double[]? Ticks { get; set; }

    /// <summary>Sets both limits.</summary>
    public Axis Limits(double min, double max)
    {
        if (!(min < max))
        {
            throw new ArgumentException($"Axis limits need min < max (got {min}, {max}).", nameof(min));
        }

        Min = min;
        Max = max;
        return this;
    }
}
