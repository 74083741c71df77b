using Almab.Reports.Figures.Text;

namespace Almab.Reports.Figures.Rendering;

/// <summary>
/// Measures text with cairo's toy API on a 1x1 scratch surface (DejaVu Sans, unhinted metrics), i.e. exactly as
/// <see cref="CairoPngRenderer"/> will draw it. Thread-safe (one lock); the scratch surface lives for the process.
/// </summary>
public sealed class CairoTextMeasurer : ITextMeasurer
{
    private static readonly Lazy<CairoTextMeasurer?> Shared = new(() => CairoNative.IsAvailable ? new CairoTextMeasurer() : null);
    private readonly object _gate = new();
    private readonly IntPtr _cr;

    private CairoTextMeasurer()
    {
        IntPtr surface = CairoNative.ImageSurfaceCreate(CairoNative.FormatArgb32, 1, 1);
        _cr = CairoNative.Create(surface);
        CairoNative.SurfaceDestroy(surface);
        CairoNative.UseUnhintedMetrics(_cr);
    }

    /// <summary>The process-wide measurer, or null when cairo is not installed.</summary>
    public static CairoTextMeasurer? Instance => Shared.Value;

    /// <inheritdoc/>
    public double MeasureWidth(string text, double sizePx, bool bold)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            CairoNative.SelectFontFace(_cr, "DejaVu Sans", 0, bold ? 1 : 0);
            CairoNative.SetFontSize(_cr, sizePx);
            CairoNative.TextExtentsOf(_cr, text, out CairoNative.TextExtents e);
            return e.XAdvance;
        }
    }
}
