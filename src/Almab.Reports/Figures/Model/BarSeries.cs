namespace Almab.Reports.Figures.Model;

/// <summary>
/// One member of a bar group: Values[c] is the bar height at category c of the x axis
/// (<see cref="Axis.Categories"/>). Several bar series in one panel are drawn side by side (grouped).
/// </summary>
public sealed class BarSeries : Series
{
    /// <summary>Creates a bar series.</summary>
    public BarSeries(double[] values, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
        Label = label;
    }

    /// <summary>Bar heights, one per category.</summary>
    public double[] Values { get; }

    /// <summary>Optional symmetric error bar half-lengths, one per category (NaN for none).</summary>
    public double[]? Errors { get; set; }

    /// <summary>Diagonal hatching over the fill (to tell two bar groups apart without colour).</summary>
    public bool Hatched { get; set; }

    /// <summary>Print each bar's value above it with this format (e.g. "0.00"); null for none.</summary>
    public string? ValueFormat { get; set; }
}
