namespace Almab.Reports.Figures.Colors;

/// <summary>
/// The Okabe-Ito colour-blind-safe palette (Okabe and Ito, 2008; Wong, Nature Methods 8:441, 2011).
/// Series colours cycle in the order blue, vermillion, bluish green, orange, reddish purple, sky blue,
/// black, yellow: yellow is last because it has the least contrast on white.
/// </summary>
public static class Palette
{
    /// <summary>Okabe-Ito black #000000.</summary>
    public static Rgba Black { get; } = Rgba.FromHex("#000000");

    /// <summary>Okabe-Ito orange #E69F00.</summary>
    public static Rgba Orange { get; } = Rgba.FromHex("#E69F00");

    /// <summary>Okabe-Ito sky blue #56B4E9.</summary>
    public static Rgba SkyBlue { get; } = Rgba.FromHex("#56B4E9");

    /// <summary>Okabe-Ito bluish green #009E73.</summary>
    public static Rgba BluishGreen { get; } = Rgba.FromHex("#009E73");

    /// <summary>Okabe-Ito yellow #F0E442.</summary>
    public static Rgba Yellow { get; } = Rgba.FromHex("#F0E442");

    /// <summary>Okabe-Ito blue #0072B2.</summary>
    public static Rgba Blue { get; } = Rgba.FromHex("#0072B2");

    /// <summary>Okabe-Ito vermillion #D55E00.</summary>
    public static Rgba Vermillion { get; } = Rgba.FromHex("#D55E00");

    /// <summary>Okabe-Ito reddish purple #CC79A7.</summary>
    public static Rgba ReddishPurple { get; } = Rgba.FromHex("#CC79A7");

    /// <summary>Number of distinct series colours before the cycle repeats.</summary>
    public static int Count => Cycle.Length;

    private static readonly Rgba[] Cycle =
        [Blue, Vermillion, BluishGreen, Orange, ReddishPurple, SkyBlue, Black, Yellow];

    /// <summary>The colour of the i-th series (cycles after <see cref="Count"/>).</summary>
    public static Rgba Series(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Cycle[index % Cycle.Length];
    }
}
