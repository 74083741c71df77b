using ScottPlot;
using ScottPlot.Plottables;

namespace Almab.Reports.Figures;

/// <summary>The grouped-bar and heatmap methods of <see cref="Chart"/>.</summary>
public sealed partial class Chart
{
    /// <summary>Grouped bars: category c of the x axis gets one bar per group, side by side; the categories label the ticks.</summary>
    public Chart Bars(IReadOnlyList<string> categories, params BarGroup[] groups)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(groups);
        if (LogX || LogY)
        {
            throw new InvalidOperationException("bars need linear axes.");
        }

        for (int g = 0; g < groups.Length; g++)
        {
            BarGroup group = groups[g];
            if (group.Values.Length != categories.Count)
            {
                throw new ArgumentException($"bar group '{group.Label}' has {group.Values.Length} values for {categories.Count} categories.", nameof(groups));
            }

            Color c = group.Color ?? NextColor();
            double size = 0.8 / groups.Length;
            var bars = new List<Bar>();
            for (int i = 0; i < categories.Count; i++)
            {
                if (!double.IsFinite(group.Values[i]))
                {
                    continue;
                }

                double error = group.Errors is { } e && double.IsFinite(e[i]) ? e[i] : 0;
                bars.Add(new Bar
                {
                    Position = i - 0.4 + (g + 0.5) * size,
                    Value = group.Values[i],
                    Size = size * 0.92,
                    Error = error,
                    ErrorSize = size * 0.3,
                    FillColor = c,
                    FillHatch = group.Hatched ? new ScottPlot.Hatches.Striped() : null,
                    FillHatchColor = Colors.White.WithAlpha(0.6),
                    LineWidth = 1,
                    LineColor = Ink,
                    Label = group.ValueFormat is { } f ? group.Values[i].ToString(f, System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
                });
            }

            _barFloor &= group.Values.Where(double.IsFinite).All(v => v >= 0);
            BarPlot plot = Plot.Add.Bars(bars);
            plot.ValueLabelStyle.FontSize = 11;
            if (group.Label is not null)
            {
                plot.LegendText = AddLegend(group.Label);
            }
        }

        _hasBars = true;
        _categories = [.. categories];
        Plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, categories.Count).Select(i => (double)i)], [.. categories.Select(ChartFont.RequireDrawable)]);
        Plot.Axes.Bottom.MajorTickStyle.Length = 0;
        Plot.Grid.XAxisStyle.IsVisible = false;
        return this;
    }

    /// <summary>
    /// A viridis heatmap: values[i, j] fills row i (from the bottom) and column j (from the left) of the rectangle
    /// [xMin, xMax] x [yMin, yMax], with a colour bar on the right; the colour scale spans the data unless given.
    /// </summary>
    public Chart Heatmap(double[,] values, double xMin, double xMax, double yMin, double yMax, string? colorBarLabel = null, double? colorMin = null, double? colorMax = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0 || !(xMin < xMax) || !(yMin < yMax) || LogX || LogY)
        {
            throw new ArgumentException($"a heatmap needs cells, linear axes and xMin < xMax, yMin < yMax (got [{xMin}, {xMax}] x [{yMin}, {yMax}]).", nameof(values));
        }

        Heatmap map = Plot.Add.Heatmap(values);
        map.Rectangle = new CoordinateRect(xMin, xMax, yMin, yMax); // cell edges; Extent would be the cell centres
        map.FlipVertically = true;
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        if (values.Length <= 40_000)
        {
            map.RenderStrategy = new Heatmap.RenderStrategies.Rectangles();
        }

        if (colorMin is not null || colorMax is not null)
        {
            ScottPlot.Range data = map.DataRange;
            map.ManualRange = new ScottPlot.Range(colorMin ?? data.Min, colorMax ?? data.Max);
        }

        ScottPlot.Panels.ColorBar bar = Plot.Add.ColorBar(map);
        if (colorBarLabel is not null)
        {
            bar.Label = ChartFont.RequireDrawable(colorBarLabel);
        }

        Plot.Axes.Margins(0, 0);
        return this;
    }
}
