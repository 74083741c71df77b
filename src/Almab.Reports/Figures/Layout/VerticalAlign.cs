namespace Almab.Reports.Figures.Layout;

/// <summary>Vertical placement of a text relative to its anchor (in the text's own frame).</summary>
internal enum VerticalAlign
{
    /// <summary>Cap tops touch the anchor.</summary>
    Top,

    /// <summary>Capitals are centred on the anchor.</summary>
    Middle,

    /// <summary>The baseline passes through the anchor.</summary>
    Baseline,

    /// <summary>Descenders touch the anchor.</summary>
    Bottom,
}
