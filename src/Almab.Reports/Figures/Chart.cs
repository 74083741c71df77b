using ScottPlot;
using ScottPlot.Plottables;

namespace Almab.Reports.Figures;

/// <summary>
/// One chart panel: a small builder over a ScottPlot <see cref="ScottPlot.Plot"/> (exposed as <see cref="Plot"/>
/// for anything the builder does not cover). Data are given in data units; on a log axis
/// (<see cref="LogScaleX"/>, <see cref="LogScaleY"/>, to be set before adding data) they are plotted as log10 with
/// decade ticks, and non-positive values are dropped. Non-finite points break lines and bands. Every string is
/// checked against the bundled font (<see cref="ChartFont.RequireDrawable"/>). Series without an explicit colour
/// take the next Okabe-Ito colour (<see cref="ChartPalette"/>); a band without a colour takes the colour of the
/// line added after it. Save it alone with <see cref="Save(string, int, int)"/> or put several in a <see cref="ChartGrid"/>.
/// </summary>
public sealed class Chart
{
    private readonly List<string> _legendLabels = [];
    private int _nextColor;
    private (double? XMin, double? XMax, double? YMin, double? YMax) _limits;
    private bool _prepared;
    private bool _barFloor = true;
    private bool _hasBars;

    /// <summary>Dark grey for bar outlines and error bars.</summary>
    private static readonly Color Ink = Color.FromHex("#222222");

    /// <summary>Creates an empty chart with an optional panel title.</summary>
    public Chart(string? title = null)
    {
        ChartFont.EnsureLoaded();
        Plot = new Plot();
        Plot.RenderManager.ClearCanvasBeforeEachRender = false;
        Plot.Grid.MajorLineColor = ScottPlot.Colors.Black.WithAlpha(0.1);
        Plot.Axes.Title.Label.FontSize = 14;
        if (title is not null)
        {
            Plot.Title(ChartFont.RequireDrawable(title));
        }
    }

    /// <summary>The ScottPlot plot being built.</summary>
    public Plot Plot { get; }

    /// <summary>Where the legend goes (default <see cref="ChartLegend.Auto"/>).</summary>
    public ChartLegend Legend { get; set; } = ChartLegend.Auto;

    /// <summary>Whether the x axis is log10.</summary>
    public bool LogX { get; private set; }

    /// <summary>Whether the y axis is log10.</summary>
    public bool LogY { get; private set; }

    /// <summary>Legend labels in the order given.</summary>
    public IReadOnlyList<string> LegendLabels => _legendLabels;

    /// <summary>Sets the axis labels (with units); null leaves one unchanged.</summary>
    public Chart Labels(string? x, string? y)
    {
        if (x is not null)
        {
            Plot.XLabel(ChartFont.RequireDrawable(x));
        }

        if (y is not null)
        {
            Plot.YLabel(ChartFont.RequireDrawable(y));
        }

        return this;
    }

    /// <summary>Makes the x axis log10; call before adding data.</summary>
    public Chart LogScaleX()
    {
        RequireEmpty();
        LogX = true;
        Plot.Axes.Bottom.TickGenerator = LogTicks.Create();
        Plot.Grid.XAxisStyle.MinorLineStyle.Width = 1;
        Plot.Grid.XAxisStyle.MinorLineStyle.Color = ScottPlot.Colors.Black.WithAlpha(0.04);
        return this;
    }

    /// <summary>Makes the y axis log10; call before adding data.</summary>
    public Chart LogScaleY()
    {
        RequireEmpty();
        LogY = true;
        Plot.Axes.Left.TickGenerator = LogTicks.Create();
        Plot.Grid.YAxisStyle.MinorLineStyle.Width = 1;
        Plot.Grid.YAxisStyle.MinorLineStyle.Color = ScottPlot.Colors.Black.WithAlpha(0.04);
        return this;
    }

    /// <summary>Fixes some axis limits (data units); null ones follow the data.</summary>
    public Chart Limits(double? xMin = null, double? xMax = null, double? yMin = null, double? yMax = null)
    {
        _limits = (xMin ?? _limits.XMin, xMax ?? _limits.XMax, yMin ?? _limits.YMin, yMax ?? _limits.YMax);
        return this;
    }

    /// <summary>Puts x ticks at exactly <paramref name="positions"/> (data units), labelled by <paramref name="labels"/> or the values.</summary>
    public Chart XTicks(double[] positions, string[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (labels is not null && labels.Length != positions.Length)
        {
            throw new ArgumentException($"{positions.Length} tick positions but {labels.Length} labels.", nameof(labels));
        }

        string[] text = labels ?? [.. positions.Select(p => p.ToString("G4", System.Globalization.CultureInfo.InvariantCulture))];
        foreach (string t in text)
        {
            ChartFont.RequireDrawable(t);
        }

        Plot.Axes.Bottom.SetTicks([.. positions.Select(TX)], text);
        return this;
    }

    /// <summary>Hides the grid lines.</summary>
    public Chart NoGrid()
    {
        Plot.HideGrid();
        return this;
    }

    /// <summary>Uses the same pixels per data unit on both axes (maps, spatial fields).</summary>
    public Chart EqualAspect()
    {
        Plot.Axes.SquareUnits();
        return this;
    }

    /// <summary>A line through (x[i], y[i]); <paramref name="step"/> holds each value until the next x.</summary>
    public Chart Line(double[] x, double[] y, string? label = null, Color? color = null, LinePattern? pattern = null, float width = 2,
        MarkerShape marker = MarkerShape.None, float markerSize = 7, bool step = false)
    {
        ChartChecks.Paired(x, y, nameof(y));
        Color c = color ?? NextColor();
        bool first = true;
        foreach ((double[] sx, double[] sy) in ChartChecks.FiniteRuns([.. x.Select(TX)], [.. y.Select(TY)]))
        {
            Scatter s = Plot.Add.ScatterLine(sx, sy, c);
            s.LineWidth = width;
            s.LinePattern = pattern ?? LinePattern.Solid;
            s.MarkerShape = marker;
            s.MarkerSize = marker == MarkerShape.None ? 0 : markerSize;
            s.ConnectStyle = step ? ConnectStyle.StepHorizontal : ConnectStyle.Straight;
            if (first && label is not null)
            {
                s.LegendText = AddLegend(label);
            }

            first = false;
        }

        return this;
    }

    /// <summary>A filled band between lower[i] and upper[i] over x[i] (e.g. mean ± sd, IQR).</summary>
    public Chart Band(double[] x, double[] lower, double[] upper, Color? color = null, double opacity = 0.2, string? label = null, bool step = false)
    {
        ChartChecks.Paired(x, lower, nameof(lower));
        ChartChecks.Paired(x, upper, nameof(upper));
        Color c = color ?? ChartPalette.Series(_nextColor);
        bool first = true;
        foreach ((double[] sx, double[] lo, double[] hi) in ChartChecks.FiniteRuns([.. x.Select(TX)], [.. lower.Select(TY)], [.. upper.Select(TY)]))
        {
            (double[] bx, double[] bl, double[] bh) = step ? ChartChecks.Steps(sx, lo, hi) : (sx, lo, hi);
            FillY band = Plot.Add.FillY(bx, bh, bl);
            band.FillColor = c.WithAlpha(opacity);
            band.LineWidth = 0;
            band.MarkerSize = 0;
            if (first && label is not null)
            {
                band.LegendText = AddLegend(label);
            }

            first = false;
        }

        return this;
    }

    /// <summary>Unconnected markers at (x[i], y[i]); <paramref name="outline"/> rings each in white to stand out on a heatmap.</summary>
    public Chart Points(double[] x, double[] y, string? label = null, Color? color = null, MarkerShape marker = MarkerShape.FilledCircle, float size = 8, bool outline = false)
    {
        ChartChecks.Paired(x, y, nameof(y));
        Color c = color ?? NextColor();
        foreach ((double[] sx, double[] sy) in ChartChecks.FiniteRuns([.. x.Select(TX)], [.. y.Select(TY)], breakRuns: false))
        {
            Scatter s = Plot.Add.ScatterPoints(sx, sy, c);
            s.MarkerShape = marker;
            s.MarkerSize = size;
            s.MarkerFillColor = c;
            s.MarkerLineColor = outline ? ScottPlot.Colors.White : c;
            s.MarkerLineWidth = outline ? 1.5f : 0;
            if (label is not null)
            {
                s.LegendText = AddLegend(label);
                label = null;
            }
        }

        return this;
    }

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
                    FillHatchColor = ScottPlot.Colors.White.WithAlpha(0.6),
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
        Plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, categories.Count).Select(i => (double)i)], [.. categories.Select(ChartFont.RequireDrawable)]);
        Plot.Axes.Bottom.MajorTickStyle.Length = 0;
        Plot.Grid.XAxisStyle.IsVisible = false;
        return this;
    }

    /// <summary>A vertical line across the plot at x (data units), optionally in the legend.</summary>
    public Chart VerticalLine(double x, string? label = null, Color? color = null, LinePattern? pattern = null, float width = 1.5f)
    {
        VerticalLine line = Plot.Add.VerticalLine(TX(x), width, color ?? ScottPlot.Colors.Black, pattern ?? LinePattern.Dashed);
        line.LegendText = label is null ? string.Empty : AddLegend(label);
        return this;
    }

    /// <summary>A horizontal line across the plot at y (data units), optionally in the legend.</summary>
    public Chart HorizontalLine(double y, string? label = null, Color? color = null, LinePattern? pattern = null, float width = 1.5f)
    {
        HorizontalLine line = Plot.Add.HorizontalLine(TY(y), width, color ?? ScottPlot.Colors.Black, pattern ?? LinePattern.Dashed);
        line.LegendText = label is null ? string.Empty : AddLegend(label);
        return this;
    }

    /// <summary>A straight segment between two points (data units), not in the legend.</summary>
    public Chart Segment(double x1, double y1, double x2, double y2, Color? color = null, float width = 1.5f)
    {
        LinePlot line = Plot.Add.Line(TX(x1), TY(y1), TX(x2), TY(y2));
        line.Color = color ?? ScottPlot.Colors.Black;
        line.LineWidth = width;
        line.MarkerSize = 0;
        return this;
    }

    /// <summary>Text anchored at (x, y) in data units by <paramref name="alignment"/>, shifted by the pixel offsets (y down).</summary>
    public Chart Text(double x, double y, string text, Color? color = null, float size = 12, Alignment alignment = Alignment.LowerLeft, float offsetX = 0, float offsetY = 0)
    {
        ScottPlot.Plottables.Text t = Plot.Add.Text(ChartFont.RequireDrawable(text), TX(x), TY(y));
        t.LabelFontSize = size;
        t.LabelFontColor = color ?? ScottPlot.Colors.Black;
        t.LabelAlignment = alignment;
        t.OffsetX = offsetX;
        t.OffsetY = offsetY;
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
        map.Extent = new CoordinateRect(xMin, xMax, yMin, yMax);
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

    /// <summary>Writes this chart alone as PNG and SVG of <paramref name="widthPx"/> x <paramref name="heightPx"/>.</summary>
    public ChartFiles Save(string pngPath, string svgPath, int widthPx = 900, int heightPx = 560) =>
        new ChartGrid(widthPx, heightPx).Add(this).Save(pngPath, svgPath);

    /// <summary>Writes <paramref name="pathWithoutExtension"/>.png and .svg.</summary>
    public ChartFiles Save(string pathWithoutExtension, int widthPx = 900, int heightPx = 560) =>
        new ChartGrid(widthPx, heightPx).Add(this).Save(pathWithoutExtension);

    /// <summary>Fixes limits and legend for rendering at the given panel size (once; called by <see cref="ChartGrid"/>).</summary>
    internal void Prepare(int widthPx, int heightPx)
    {
        if (_prepared)
        {
            return;
        }

        _prepared = true;
        Plot.Axes.AutoScale();
        double? yMin = _limits.YMin ?? (_hasBars && _barFloor ? 0 : null);
        Plot.Axes.SetLimits(Tx(_limits.XMin), Tx(_limits.XMax), Ty(yMin), Ty(_limits.YMax));
        ChartLegendPlacer.Apply(this, widthPx, heightPx);
        FontCheck();
    }

    private void FontCheck()
    {
        foreach (LabelStyle style in new[] { Plot.Axes.Title.Label, Plot.Axes.Bottom.Label, Plot.Axes.Left.TickLabelStyle })
        {
            string family = Fonts.GetTypeface(style.FontName, style.Bold, style.Italic).FamilyName;
            if (family != ChartFont.Name)
            {
                throw new InvalidOperationException($"chart text would be drawn in '{family}' instead of the bundled {ChartFont.Name}; text cannot render reliably.");
            }
        }
    }

    private string AddLegend(string label)
    {
        _legendLabels.Add(ChartFont.RequireDrawable(label));
        return label;
    }

    private Color NextColor() => ChartPalette.Series(_nextColor++);

    private void RequireEmpty()
    {
        if (Plot.GetPlottables().Any())
        {
            throw new InvalidOperationException("set log scales before adding data to a chart.");
        }
    }

    private double TX(double x) => !LogX ? x : x > 0 ? Math.Log10(x) : double.NaN;

    private double TY(double y) => !LogY ? y : y > 0 ? Math.Log10(y) : double.NaN;

    private double? Tx(double? x) => x is double v ? TX(v) : null;

    private double? Ty(double? y) => y is double v ? TY(v) : null;
}
