namespace Almab.Reports.Figures.Model;

/// <summary>Where an axes panel draws its legend.</summary>
public enum LegendPlacement
{
    /// <summary>Inside the plot, in the corner that covers the fewest data points; outside right when it does not fit.</summary>
    Auto,

    /// <summary>Inside, top right corner.</summary>
    TopRight,

    /// <summary>Inside, top left corner.</summary>
    TopLeft,

    /// <summary>Inside, bottom right corner.</summary>
    BottomRight,

    /// <summary>Inside, bottom left corner.</summary>
    BottomLeft,

    /// <summary>Outside the plot, to its right.</summary>
    OutsideRight,

    /// <summary>No legend.</summary>
    None,
}
