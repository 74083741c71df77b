namespace Almab.Reports.Figures;

/// <summary>Where a <see cref="Chart"/> draws its legend.</summary>
public enum ChartLegend
{
    /// <summary>Inside the data area in the first empty corner (upper right, upper left, lower right, lower left); outside on the right when every corner holds data.</summary>
    Auto,

    /// <summary>Inside, upper right corner.</summary>
    UpperRight,

    /// <summary>Inside, upper left corner.</summary>
    UpperLeft,

    /// <summary>Inside, lower right corner.</summary>
    LowerRight,

    /// <summary>Inside, lower left corner.</summary>
    LowerLeft,

    /// <summary>Outside the data area, on the right.</summary>
    OutsideRight,

    /// <summary>Outside the data area, below the x axis label, items side by side.</summary>
    Below,

    /// <summary>No legend.</summary>
    None,
}
