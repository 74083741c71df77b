namespace Almab.Reports.Figures.Text;

/// <summary>
/// Text widths from DejaVu Sans's own advance-width table (Latin-1, Greek and common maths symbols), without
/// kerning, which is what cairo's toy text API draws. Other characters count as the width of "M". Used when
/// cairo is not installed, and for output that must not depend on the machine (snapshot tests).
/// </summary>
public sealed class ApproximateTextMeasurer : ITextMeasurer
{
    /// <summary>The shared instance.</summary>
    public static ApproximateTextMeasurer Instance { get; } = new();

    /// <inheritdoc/>
    public double MeasureWidth(string text, double sizePx, bool bold)
    {
        ArgumentNullException.ThrowIfNull(text);
        ushort[] basic = bold ? DejaVuSansWidths.Bold : DejaVuSansWidths.Regular;
        Dictionary<int, ushort> extra = bold ? DejaVuSansWidths.BoldExtra : DejaVuSansWidths.RegularExtra;
        double units = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length)
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            if (cp >= 32 && cp < 256)
            {
                units += basic[cp - 32];
            }
            else if (extra.TryGetValue(cp, out ushort w))
            {
                units += w;
            }
            else
            {
                units += basic['M' - 32];
            }
        }

        return units * sizePx / DejaVuSansWidths.UnitsPerEm;
    }
}
