using System.Globalization;

namespace Almab.Reports.Figures.Colors;

/// <summary>An sRGB colour with 8-bit channels and an opacity in [0, 1].</summary>
/// <param name="R">Red, 0-255.</param>
/// <param name="G">Green, 0-255.</param>
/// <param name="B">Blue, 0-255.</param>
/// <param name="Alpha">Opacity in [0, 1] (1 = opaque).</param>
public readonly record struct Rgba(byte R, byte G, byte B, double Alpha = 1.0)
{
    /// <summary>Opaque black.</summary>
    public static Rgba Black => new(0, 0, 0);

    /// <summary>Opaque white.</summary>
    public static Rgba White => new(255, 255, 255);

    /// <summary>Parses "#RRGGBB" (opaque).</summary>
    public static Rgba FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#')
        {
            throw new ArgumentException($"Colour '{hex}' is not of the form #RRGGBB.", nameof(hex));
        }

        int v = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new Rgba((byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    /// <summary>Builds a colour from channels in [0, 1] (clamped).</summary>
    public static Rgba FromUnit(double r, double g, double b, double alpha = 1.0) =>
        new(ToByte(r), ToByte(g), ToByte(b), Math.Clamp(alpha, 0, 1));

    /// <summary>The same colour with another opacity.</summary>
    public Rgba WithAlpha(double alpha) => this with { Alpha = Math.Clamp(alpha, 0, 1) };

    /// <summary>"#rrggbb" (opacity not included).</summary>
    public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    private static byte ToByte(double u) => (byte)Math.Round(Math.Clamp(u, 0, 1) * 255);
}
