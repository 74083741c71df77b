namespace Almab.Reports.Figures.Model;

/// <summary>Stroke pattern of a line.</summary>
public enum LineStyle
{
    /// <summary>Continuous.</summary>
    Solid,

    /// <summary>Dashes of about four line widths.</summary>
    Dashed,

    /// <summary>Dots.</summary>
    Dotted,

    /// <summary>Alternating dash and dot.</summary>
    DashDot,
}
