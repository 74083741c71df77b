using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;
using Almab.Reports.Figures.Text;

namespace Almab.Reports.Figures.Layout;

/// <summary>
/// Computes a <see cref="FigureLayout"/> once for all renderers: white background, figure title, then each
/// panel in its grid cell (equal cells, row by row).
/// </summary>
public static class FigureLayoutEngine
{
    /// <summary>Lays out <paramref name="figure"/> measuring text with <paramref name="measurer"/>.</summary>
    public static FigureLayout Compute(Figure figure, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(measurer);
        if (figure.Panels.Count == 0)
        {
            throw new ArgumentException("The figure has no panels; add an Axes or a CriticalDifferencePanel.", nameof(figure));
        }

        var items = new List<DrawItem>();
        var plots = new List<RectPx>();
        var legends = new List<RectPx>();
        var text = new TextPlacer(measurer, items);
        items.Add(new RectItem(new RectPx(0, 0, figure.WidthPx, figure.HeightPx), Rgba.White, null, 0));
        double top = 0;
        if (figure.Title is { } title)
        {
            text.Add(title, figure.WidthPx / 2.0, 10, FontMetrics.TitleSize, TextAlign.Center, VerticalAlign.Top, TextRole.FigureTitle, bold: true);
            top = 10 + FontMetrics.TitleSize * 1.3;
        }

        int n = figure.Panels.Count;
        int cols = figure.Columns > 0 ? Math.Min(figure.Columns, n) : n;
        int rows = (n + cols - 1) / cols;
        double cw = (double)figure.WidthPx / cols, ch = (figure.HeightPx - top) / rows;
        for (int i = 0; i < n; i++)
        {
            var cell = new RectPx((i % cols) * cw, top + (i / cols) * ch, cw, ch);
            switch (figure.Panels[i])
            {
                case Axes axes: AxesLayout.Emit(axes, cell, text, items, plots, legends); break;
                case CriticalDifferencePanel cd: CriticalDifferenceLayout.Emit(cd, cell, text, items); break;
                default: throw new NotSupportedException($"Panel type {figure.Panels[i].GetType().Name} has no layout.");
            }
        }

        return new FigureLayout(figure.WidthPx, figure.HeightPx, items, plots, legends);
    }
}
