using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Layout;
using Almab.Reports.Figures.Model;
using static Almab.Reports.Figures.Rendering.CairoNative;

namespace Almab.Reports.Figures.Rendering;

/// <summary>
/// PNG through the system's cairo (libcairo.so.2): antialiased ARGB32 image surface of the layout's size,
/// DejaVu Sans through cairo's toy text API, written with cairo_surface_write_to_png. Throws
/// <see cref="InvalidOperationException"/> naming the fix when cairo is missing (check <see cref="IsAvailable"/>).
/// </summary>
public sealed class CairoPngRenderer : IFigureRenderer
{
    /// <summary>True when libcairo.so.2 loads on this machine.</summary>
    public static bool IsAvailable => CairoNative.IsAvailable;

    /// <inheritdoc/>
    public string Extension => ".png";

    /// <inheritdoc/>
    public void Render(FigureLayout layout, string path)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(path);
        if (!IsAvailable)
        {
            throw new InvalidOperationException("PNG output needs the cairo library (libcairo.so.2); install it with 'apt-get install libcairo2'.");
        }

        IntPtr surface = ImageSurfaceCreate(FormatArgb32, layout.WidthPx, layout.HeightPx);
        IntPtr cr = Create(surface);
        try
        {
            UseUnhintedMetrics(cr);
            SetLineJoin(cr, LineJoinRound);
            foreach (DrawItem item in layout.Items)
            {
                Draw(cr, item);
            }

            SurfaceFlush(surface);
            int status = SurfaceWriteToPng(surface, Path.GetFullPath(path));
            if (status != 0 || Status(cr) != 0)
            {
                throw new IOException($"cairo could not write '{path}' (status {status}, context status {Status(cr)}).");
            }
        }
        finally
        {
            Destroy(cr);
            SurfaceDestroy(surface);
        }
    }

    private static void Source(IntPtr cr, Rgba c) => SetSourceRgba(cr, c.R / 255.0, c.G / 255.0, c.B / 255.0, c.Alpha);

    private static void TracePath(IntPtr cr, PointPx[] pts, bool close)
    {
        NewPath(cr);
        MoveTo(cr, pts[0].X, pts[0].Y);
        for (int i = 1; i < pts.Length; i++)
        {
            LineTo(cr, pts[i].X, pts[i].Y);
        }

        if (close)
        {
            ClosePath(cr);
        }
    }

    private static void Draw(IntPtr cr, DrawItem item)
    {
        switch (item)
        {
            case ClipBeginItem c:
                Save(cr);
                NewPath(cr);
                Rectangle(cr, c.Rect.X, c.Rect.Y, c.Rect.Width, c.Rect.Height);
                Clip(cr);
                break;
            case ClipEndItem:
                Restore(cr);
                break;
            case RectItem r:
                SetAntialias(cr, r.Crisp ? AntialiasNone : AntialiasDefault);
                NewPath(cr);
                Rectangle(cr, r.Rect.X, r.Rect.Y, r.Rect.Width, r.Rect.Height);
                if (r.Fill is { } f)
                {
                    Source(cr, f);
                    FillPreserve(cr);
                }

                if (r.Stroke is { } s)
                {
                    Source(cr, s);
                    SetLineWidth(cr, r.StrokeWidthPx);
                    SetDash(cr, [], 0, 0);
                    Stroke(cr);
                }

                NewPath(cr);
                SetAntialias(cr, AntialiasDefault);
                break;
            case LineItem l:
                TracePath(cr, l.Points, false);
                Source(cr, l.Color);
                SetLineWidth(cr, l.WidthPx);
                double[] dash = DashPattern.For(l.Style, l.WidthPx);
                SetDash(cr, dash, dash.Length, 0);
                Stroke(cr);
                SetDash(cr, [], 0, 0);
                break;
            case PolygonItem p:
                TracePath(cr, p.Points, true);
                Source(cr, p.Fill);
                Fill(cr);
                break;
            case MarkerItem m:
                if (m.Shape == MarkerShape.None)
                {
                    break;
                }

                if (m.Shape == MarkerShape.Circle)
                {
                    NewPath(cr);
                    Arc(cr, m.Center.X, m.Center.Y, m.SizePx / 2, 0, 2 * Math.PI);
                    ClosePath(cr);
                }
                else
                {
                    TracePath(cr, MarkerGeometry.Polygon(m), true);
                }

                Source(cr, m.Fill);
                FillPreserve(cr);
                if (m.Outline is { } o)
                {
                    Source(cr, o);
                    SetLineWidth(cr, 1);
                    Stroke(cr);
                }

                NewPath(cr);
                break;
            case TextItem t:
                Save(cr);
                SelectFontFace(cr, "DejaVu Sans", 0, t.Bold ? 1 : 0);
                SetFontSize(cr, t.SizePx);
                Source(cr, t.Color);
                Translate(cr, t.Origin.X, t.Origin.Y);
                if (t.RotationDeg != 0)
                {
                    Rotate(cr, t.RotationDeg * Math.PI / 180);
                }

                NewPath(cr);
                MoveTo(cr, 0, 0);
                ShowText(cr, t.Text);
                NewPath(cr);
                Restore(cr);
                break;
        }
    }
}
