using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Layout;

/// <summary>Resolves each series' colour: explicit colours win, others take the next Okabe-Ito colour.</summary>
internal static class SeriesColors
{
    public static Rgba[] Resolve(Axes axes)
    {
        var colors = new Rgba[axes.Series.Count];
        int next = 0;
        for (int i = 0; i < colors.Length; i++)
        {
            Series s = axes.Series[i];
            colors[i] = s.Color ?? (s is ReferenceLine ? new Rgba(0x55, 0x55, 0x55) : Palette.Series(next++));
        }

        return colors;
    }

    /// <summary>A darker shade for outlines of filled shapes.</summary>
    public static Rgba Darker(Rgba c, double f = 0.7) =>
        new((byte)(c.R * f), (byte)(c.G * f), (byte)(c.B * f), 1.0);
}
