namespace Almab.Reports.Figures.Layout;

/// <summary>DejaVu Sans vertical metrics (fractions of the em) and the font sizes the figures use.</summary>
internal static class FontMetrics
{
    /// <summary>Cap height (1493/2048).</summary>
    public const double CapHeight = 0.729;

    /// <summary>Descent below the baseline (hhea descender 483/2048).</summary>
    public const double Descent = 0.236;

    /// <summary>Figure title size (px).</summary>
    public const double TitleSize = 16;

    /// <summary>Panel title size (px).</summary>
    public const double PanelTitleSize = 14;

    /// <summary>Axis label size (px).</summary>
    public const double LabelSize = 13;

    /// <summary>Tick label size (px).</summary>
    public const double TickSize = 12;

    /// <summary>Legend text size (px).</summary>
    public const double LegendSize = 12;
}
