namespace Almab.Reports.Figures.Model;

/// <summary>How data values map to positions along an axis.</summary>
public enum AxisScale
{
    /// <summary>Position proportional to the value.</summary>
    Linear,

    /// <summary>Position proportional to log10 of the value (values must be positive).</summary>
    Log10,
}
