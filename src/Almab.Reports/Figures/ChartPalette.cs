using ScottPlot;

namespace Almab.Reports.Figures;

/// <summary>
/// The Okabe-Ito colour-blind-safe palette (Okabe and Ito, 2008; Wong, Nature Methods 8:441, 2011) as ScottPlot
/// colours. Series colours cycle blue, vermillion, bluish green, orange, reddish purple, sky blue, black, yellow:
/// yellow is last because it has the least contrast on white.
/// </summary>
public static class ChartPalette
{
    /// <summary>Okabe-Ito black #000000.</summary>
    public static Color Black { get; } = Color.FromHex("#000000");

    /// <summary>Okabe-Ito orange #E69F00.</summary>
    public static Color Orange { get; } = Color.FromHex("#E69F00");

    /// <summary>Okabe-Ito sky blue #56B4E9.</summary>
    public static Color SkyBlue { get; } = Color.FromHex("#56B4E9");

    /// <summary>Okabe-Ito bluish green #009E73.</summary>
    public static Color BluishGreen { get; } = Color.FromHex("#009E73");

    /// <summary>Okabe-Ito yellow #F0E442.</summary>
    public static Color Yellow { get; } = Color.FromHex("#F0E442");

    /// <summary>Okabe-Ito blue #0072B2.</summary>
    public static Color Blue { get; } = Color.FromHex("#0072B2");

    /// <summary>Okabe-Ito vermillion #D55E00.</summary>
    public static Color Vermillion { get; } = Color.FromHex("#D55E00");

    /// <summary>Okabe-Ito reddish purple #CC79A7.</summary>
    public static Color ReddishPurple { get; } = Color.FromHex("#CC79A7");

    private static readonly Color[] Cycle = [Blue, Vermillion, BluishGreen, Orange, ReddishPurple, SkyBlue, Black, Yellow];

    /// <summary>Number of distinct series colours before the cycle repeats.</summary>
    public static int Count => Cycle.Length;

    /// <summary>The colour of the i-th series (cycles after <see cref="Count"/>).</summary>
    public static Color Series(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Cycle[index % Cycle.Length];
    }
}
