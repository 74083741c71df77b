using System.Globalization;
using System.Text;
using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Layout;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Rendering;

/// <summary>
/// Standalone SVG 1.1: every item becomes a basic shape, texts stay &lt;text&gt; elements (searchable,
/// selectable) in "DejaVu Sans" with the anchor and text-anchor the layout asked for, so a viewer with another
/// font still aligns them. Numbers print with two decimals, invariant culture; output is deterministic.
/// </summary>
public sealed class SvgRenderer : IFigureRenderer
{
    /// <inheritdoc/>
    public string Extension => ".svg";

    /// <inheritdoc/>
    public void Render(FigureLayout layout, string path) =>
        File.WriteAllText(path, ToSvg(layout), new UTF8Encoding(false));

    /// <summary>The SVG document text.</summary>
    public static string ToSvg(FigureLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{layout.WidthPx}\" height=\"{layout.HeightPx}\" viewBox=\"0 0 {layout.WidthPx} {layout.HeightPx}\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n");
        int clipId = 0, depth = 0;
        foreach (DrawItem item in layout.Items)
        {
            switch (item)
            {
                case ClipBeginItem c:
                    clipId++;
                    depth++;
                    sb.Append(CultureInfo.InvariantCulture, $"<clipPath id=\"c{clipId}\"><rect x=\"{N(c.Rect.X)}\" y=\"{N(c.Rect.Y)}\" width=\"{N(c.Rect.Width)}\" height=\"{N(c.Rect.Height)}\"/></clipPath>\n<g clip-path=\"url(#c{clipId})\">\n");
                    break;
                case ClipEndItem:
                    if (depth > 0)
                    {
                        depth--;
                        sb.Append("</g>\n");
                    }

                    break;
                case RectItem r:
                    sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(r.Rect.X)}\" y=\"{N(r.Rect.Y)}\" width=\"{N(r.Rect.Width)}\" height=\"{N(r.Rect.Height)}\"");
                    sb.Append(r.Fill is { } f ? Fill(f) : " fill=\"none\"");
                    if (r.Stroke is { } s)
                    {
                        sb.Append(Stroke(s, r.StrokeWidthPx));
                    }

                    sb.Append(r.Crisp ? " shape-rendering=\"crispEdges\"/>\n" : "/>\n");
                    break;
                case LineItem l:
                    sb.Append("<polyline points=\"").Append(Points(l.Points)).Append("\" fill=\"none\"").Append(Stroke(l.Color, l.WidthPx));
                    sb.Append(" stroke-linejoin=\"round\"");
                    double[] dash = DashPattern.For(l.Style, l.WidthPx);
                    if (dash.Length > 0)
                    {
                        sb.Append(" stroke-dasharray=\"").AppendJoin(',', Array.ConvertAll(dash, N)).Append('"');
                    }

                    sb.Append("/>\n");
                    break;
                case PolygonItem p:
                    sb.Append("<polygon points=\"").Append(Points(p.Points)).Append('"').Append(Fill(p.Fill)).Append("/>\n");
                    break;
                case MarkerItem m:
                    string outline = m.Outline is { } o ? Stroke(o, 1) : string.Empty;
                    if (m.Shape == MarkerShape.Circle)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(m.Center.X)}\" cy=\"{N(m.Center.Y)}\" r=\"{N(m.SizePx / 2)}\"{Fill(m.Fill)}{outline}/>\n");
                    }
                    else if (m.Shape != MarkerShape.None)
                    {
                        sb.Append("<polygon points=\"").Append(Points(MarkerGeometry.Polygon(m))).Append('"').Append(Fill(m.Fill)).Append(outline).Append("/>\n");
                    }

                    break;
                case TextItem t:
                    string anchor = t.Align switch { TextAlign.Center => "middle", TextAlign.Right => "end", _ => "start" };
                    sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(t.BaselineAnchor.X)}\" y=\"{N(t.BaselineAnchor.Y)}\" font-size=\"{N(t.SizePx)}\"");
                    if (t.Bold)
                    {
                        sb.Append(" font-weight=\"bold\"");
                    }

                    sb.Append(" text-anchor=\"").Append(anchor).Append('"').Append(Fill(t.Color));
                    if (t.RotationDeg != 0)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $" transform=\"rotate({N(t.RotationDeg)} {N(t.BaselineAnchor.X)} {N(t.BaselineAnchor.Y)})\"");
                    }

                    sb.Append('>').Append(Escape(t.Text)).Append("</text>\n");
                    break;
            }
        }

        while (depth-- > 0)
        {
            sb.Append("</g>\n");
        }

        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>Escapes the five XML special characters and drops characters XML 1.0 forbids.</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                default:
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Points(PointPx[] pts)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pts.Length; i++)
        {
            sb.Append(i == 0 ? string.Empty : " ").Append(N(pts[i].X)).Append(',').Append(N(pts[i].Y));
        }

        return sb.ToString();
    }

    private static string Fill(Rgba c) =>
        c.Alpha < 1 ? $" fill=\"{c.ToHex()}\" fill-opacity=\"{N(c.Alpha)}\"" : $" fill=\"{c.ToHex()}\"";

    private static string Stroke(Rgba c, double w) =>
        $" stroke=\"{c.ToHex()}\" stroke-width=\"{N(w)}\"" + (c.Alpha < 1 ? $" stroke-opacity=\"{N(c.Alpha)}\"" : string.Empty);
}
