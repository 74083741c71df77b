using System.Runtime.InteropServices;

namespace Almab.Reports.Figures.Rendering;

/// <summary>The few entry points of the system's libcairo.so.2 the PNG renderer and the text measurer use.</summary>
internal static partial class CairoNative
{
    public const string Library = "libcairo.so.2";
    public const int FormatArgb32 = 0;
    public const int AntialiasDefault = 0;
    public const int AntialiasNone = 1;
    public const int HintMetricsOff = 1;
    public const int LineJoinRound = 1;

    private static readonly Lazy<bool> Loaded = new(() => NativeLibrary.TryLoad(Library, out _));

    /// <summary>True when libcairo.so.2 can be loaded (checked once per process).</summary>
    public static bool IsAvailable => Loaded.Value;

    [StructLayout(LayoutKind.Sequential)]
    public struct TextExtents
    {
        public double XBearing, YBearing, Width, Height, XAdvance, YAdvance;
    }

    [LibraryImport(Library, EntryPoint = "cairo_image_surface_create")]
    public static partial IntPtr ImageSurfaceCreate(int format, int width, int height);

    [LibraryImport(Library, EntryPoint = "cairo_surface_destroy")]
    public static partial void SurfaceDestroy(IntPtr surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_status")]
    public static partial int SurfaceStatus(IntPtr surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_flush")]
    public static partial void SurfaceFlush(IntPtr surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_write_to_png", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SurfaceWriteToPng(IntPtr surface, string filename);

    [LibraryImport(Library, EntryPoint = "cairo_create")]
    public static partial IntPtr Create(IntPtr surface);

    [LibraryImport(Library, EntryPoint = "cairo_destroy")]
    public static partial void Destroy(IntPtr cr);

    [LibraryImport(Library, EntryPoint = "cairo_status")]
    public static partial int Status(IntPtr cr);

    [LibraryImport(Library, EntryPoint = "cairo_save")]
    public static partial void Save(IntPtr cr);

    [LibraryImport(Library, EntryPoint = "cairo_restore")]
    public static partial void Restore(IntPtr cr);

    [LibraryImport(Library, EntryPoint = "cairo_set_source_rgba")]
    public static partial void SetSourceRgba(IntPtr cr, double r, double g, double b, double a);

    [LibraryImport(Library, EntryPoint = "cairo_set_line_width")]
    public static partial void SetLineWidth(IntPtr cr, double width);

    [LibraryImport(Library, EntryPoint = "cairo_set_line_join")]
    public static partial void SetLineJoin(IntPtr cr, int join);

    [LibraryImport(Library, EntryPoint = "cairo_set_dash")]
    public static partial void SetDash(IntPtr cr, [In] double[] dashes, int count, double offset);

    [LibraryImport(Library, EntryPoint = "cairo_set_antialias")]
    public static partial void SetAntialias(IntPtr cr, int antialias);

    [LibraryImport(Library, EntryPoint = "cairo_new_path")]
    public static partial void NewPath(IntPtr cr);

    [LibraryImport(Library, EntryPoint = "cairo_move_to")]
    public static partial void MoveTo(IntPtr cr, double x, double y);

    [LibraryImport(Library, EntryPoint = "cairo_line_to")]
    public static partial void LineTo(IntPtr cr, double x, double y);

    [LibraryImport(Library, EntryPoint = "cairo_close_path")]
    public static partial void ClosePath(IntPtr cr);

    [LibraryImport(Library, EntryPoint = "cairo_rectangle")]
    public static partial void Rectangle(IntPtr cr, double x, double y, double w, double h);

    [LibraryImport(Library, EntryPoint = "cairo_arc")]
    public static partial void Arc(IntPtr cr, double xc, double yc, double radius, double angle1, double angle2);

    [LibraryImport(Library, EntryPoint = "cairo_stroke")]
    public static partial void Stroke(IntPtr cr);

    [LibraryImport(Library, EntryPoint = "cairo_fill")]
    public static partial void Fill(IntPtr cr);

    [LibraryImport(Library, EntryPoint = "cairo_fill_preserve")]
    public static partial void FillPreserve(IntPtr cr);

    [LibraryImport(Library, EntryPoint = "cairo_clip")]
    public static partial void Clip(IntPtr cr);

    [LibraryImport(Library, EntryPoint = "cairo_translate")]
    public static partial void Translate(IntPtr cr, double tx, double ty);

    [LibraryImport(Library, EntryPoint = "cairo_rotate")]
    public static partial void Rotate(IntPtr cr, double angle);

    [LibraryImport(Library, EntryPoint = "cairo_select_font_face", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SelectFontFace(IntPtr cr, string family, int slant, int weight);

    [LibraryImport(Library, EntryPoint = "cairo_set_font_size")]
    public static partial void SetFontSize(IntPtr cr, double size);

    [LibraryImport(Library, EntryPoint = "cairo_show_text", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ShowText(IntPtr cr, string utf8);

    [LibraryImport(Library, EntryPoint = "cairo_text_extents", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void TextExtentsOf(IntPtr cr, string utf8, out TextExtents extents);

    [LibraryImport(Library, EntryPoint = "cairo_font_options_create")]
    public static partial IntPtr FontOptionsCreate();

    [LibraryImport(Library, EntryPoint = "cairo_font_options_destroy")]
    public static partial void FontOptionsDestroy(IntPtr options);

    [LibraryImport(Library, EntryPoint = "cairo_font_options_set_hint_metrics")]
    public static partial void FontOptionsSetHintMetrics(IntPtr options, int hintMetrics);

    [LibraryImport(Library, EntryPoint = "cairo_set_font_options")]
    public static partial void SetFontOptions(IntPtr cr, IntPtr options);

    /// <summary>Sets unhinted metrics so advances are the font's own (they then match the width table).</summary>
    public static void UseUnhintedMetrics(IntPtr cr)
    {
        IntPtr options = FontOptionsCreate();
        FontOptionsSetHintMetrics(options, HintMetricsOff);
        SetFontOptions(cr, options);
        FontOptionsDestroy(options);
    }
}
