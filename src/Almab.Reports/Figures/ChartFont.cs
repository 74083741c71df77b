using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.FontResolvers;
using SkiaSharp;

namespace Almab.Reports.Figures;

/// <summary>
/// The one font every chart draws with: DejaVu Sans (regular and bold), shipped beside this assembly in
/// <c>Figures/Fonts</c> (from Debian's fonts-dejavu-core 2.37, Bitstream Vera licence in
/// <c>LICENSE-DejaVu.txt</c>) and loaded by path, so figures need neither fontconfig nor installed fonts.
/// ScottPlot otherwise picks whatever the system offers and, when nothing is found, silently writes figures
/// without text; here a missing or unusable font file, or a string with a character the font cannot draw,
/// throws <see cref="InvalidOperationException"/> with a message that says which.
/// </summary>
public static class ChartFont
{
    /// <summary>The family name charts use ("DejaVu Sans").</summary>
    public const string Name = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static SKTypeface? _regular;

    /// <summary>Folder holding the font files: <c>Figures/Fonts</c> beside the Almab.Reports assembly.</summary>
    public static string Directory =>
        Path.Combine(Path.GetDirectoryName(typeof(ChartFont).Assembly.Location) is { Length: > 0 } d ? d : AppContext.BaseDirectory, "Figures", "Fonts");

    /// <summary>The regular typeface, loading and registering both weights with ScottPlot on first use.</summary>
    public static SKTypeface Typeface
    {
        get
        {
            EnsureLoaded();
            return _regular!;
        }
    }

    /// <summary>
    /// Loads DejaVu Sans regular and bold from <see cref="Directory"/>, checks they draw text, registers them
    /// ahead of ScottPlot's system-font resolver and makes them ScottPlot's default. Idempotent and thread-safe.
    /// </summary>
    /// <exception cref="InvalidOperationException">A font file is missing, does not load, is not DejaVu Sans or measures text as empty.</exception>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_regular is not null)
            {
                return;
            }

            string regular = Load(Directory, "DejaVuSans.ttf", out SKTypeface typeface);
            string bold = Load(Directory, "DejaVuSans-Bold.ttf", out SKTypeface boldFace);
            boldFace.Dispose();
            Fonts.FontResolvers.Insert(0, new FileFontResolver(Name, regular, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal));
            Fonts.FontResolvers.Insert(0, new FileFontResolver(Name, bold, FontWeight.Bold, FontSlant.Upright, FontSpacing.Normal));
            Fonts.Default = Name;
            Fonts.Sans = Name;
            Fonts.DefaultFontStyle = null;
            _regular = typeface;
        }
    }

    /// <summary>
    /// Throws when <paramref name="text"/> holds a character DejaVu Sans has no glyph for (it would be drawn as an
    /// empty box); whitespace and control characters are ignored. Returns the text.
    /// </summary>
    /// <exception cref="InvalidOperationException">The text cannot be drawn.</exception>
    public static string RequireDrawable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        SKTypeface face = Typeface;
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                continue;
            }

            if (face.GetGlyph(rune.Value) == 0)
            {
                throw new InvalidOperationException(
                    $"figure text '{text}' has a character the bundled font {Name} cannot draw: '{rune}' (U+{rune.Value.ToString("X4", CultureInfo.InvariantCulture)}); use another character.");
            }
        }

        return text;
    }

    /// <summary>Width in pixels of <paramref name="text"/> at <paramref name="sizePx"/> in the regular face.</summary>
    public static float MeasureWidth(string text, float sizePx)
    {
        using var font = new SKFont(Typeface, sizePx);
        return font.MeasureText(RequireDrawable(text));
    }

    /// <summary>Loads and checks one font file of <paramref name="directory"/>; returns its full path.</summary>
    /// <exception cref="InvalidOperationException">Missing, unloadable, not DejaVu Sans, or draws no text.</exception>
    internal static string Load(string directory, string file, out SKTypeface typeface)
    {
        string path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"figure font not found: {path} (it ships with Almab.Reports under Figures/Fonts; rebuild or copy it there).");
        }

        typeface = SKTypeface.FromFile(path)
            ?? throw new InvalidOperationException($"figure font {path} could not be loaded by SkiaSharp (corrupt file?).");
        if (typeface.FamilyName != Name)
        {
            throw new InvalidOperationException($"figure font {path} is '{typeface.FamilyName}', expected '{Name}'.");
        }

        using var font = new SKFont(typeface, 12);
        if (!typeface.ContainsGlyphs("Ag0.") || !(font.MeasureText("Ag0.") > 0))
        {
            throw new InvalidOperationException($"figure font {path} loaded but draws no text (no glyphs for 'Ag0.').");
        }

        return path;
    }
}
