namespace Almab.Reports.Figures.Model;

/// <summary>Horizontal text alignment relative to its anchor point.</summary>
public enum TextAlign
{
    /// <summary>Text starts at the anchor.</summary>
    Left,

    /// <summary>Text is centred on the anchor.</summary>
    Center,

    /// <summary>Text ends at the anchor.</summary>
    Right,
}
