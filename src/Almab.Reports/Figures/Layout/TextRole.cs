namespace Almab.Reports.Figures.Layout;

/// <summary>What a laid-out text is for (lets tests and tools find e.g. the legend entries).</summary>
public enum TextRole
{
    /// <summary>Figure title.</summary>
    FigureTitle,

    /// <summary>Panel title.</summary>
    PanelTitle,

    /// <summary>Axis label.</summary>
    AxisLabel,

    /// <summary>Tick label.</summary>
    TickLabel,

    /// <summary>Legend entry.</summary>
    Legend,

    /// <summary>User annotation or value label.</summary>
    Annotation,

    /// <summary>Colour-bar tick or label.</summary>
    ColorBar,

    /// <summary>Method name or CD label in a critical-difference diagram.</summary>
    Diagram,
}
