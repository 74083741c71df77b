using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;
using Almab.Reports.Figures.Text;

namespace Almab.Reports.Figures.Layout;

/// <summary>Creates <see cref="TextItem"/>s with their resolved baseline origin from the measured width.</summary>
internal sealed class TextPlacer(ITextMeasurer measurer, List<DrawItem> items)
{
    public ITextMeasurer Measurer { get; } = measurer;

    public double Width(string text, double size, bool bold = false) => Measurer.MeasureWidth(text, size, bold);

    public TextItem Add(
        string text, double x, double y, double size, TextAlign align, VerticalAlign valign, TextRole role,
        bool bold = false, double rotationDeg = 0, Rgba? color = null)
    {
        double w = Measurer.MeasureWidth(text, size, bold);
        double along = align switch { TextAlign.Center => -w / 2, TextAlign.Right => -w, _ => 0 };
        double down = valign switch
        {
            VerticalAlign.Top => FontMetrics.CapHeight * size,
            VerticalAlign.Middle => FontMetrics.CapHeight * size / 2,
            VerticalAlign.Bottom => -FontMetrics.Descent * size,
            _ => 0,
        };
        double a = rotationDeg * Math.PI / 180;
        double c = Math.Cos(a), s = Math.Sin(a);
        var baselineAnchor = new PointPx(x - s * down, y + c * down);
        var origin = new PointPx(baselineAnchor.X + c * along, baselineAnchor.Y + s * along);
        var item = new TextItem(text, new PointPx(x, y), align, origin, baselineAnchor, w, size, bold, color ?? new Rgba(0x22, 0x22, 0x22), rotationDeg, role);
        items.Add(item);
        return item;
    }
}
