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
public sealed partial class Chart
{
    private readonly List<string> _legendLabels = [];
    private int _nextColor;
    private (double? XMin, double? XMax, double? YMin, double? YMax) _limits;
    private bool _prepared;
    private bool _barFloor = true;
    private bool _hasBars;
    private string[] _categories = [];

    /// <summary>Dark grey for bar outlines and error bars.</summary>
    private static readonly Color Ink = Color.FromHex("#222222");

    /// <summary>Creates an empty chart with an optional panel title.</summary>
    public Chart(string? title = null)
    {
        ChartFont.EnsureLoaded();
        Plot = new Plot();
        Plot.RenderManager.ClearCanvasBeforeEachRender = false;
        Plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.1);
        Plot.Axes.Title.Label.FontSize = 14;
        foreach (IAxis axis in new IAxis[] { Plot.Axes.Bottom, Plot.Axes.Left })
        {
            if (axis.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic ticks)
            {
                ticks.TickDensity = 0.5; // ScottPlot's default packs a label every ~12 px of text: too busy for reports
            }
        }
        Title = title;
    }

    /// <summary>Panel title drawn above the data area; null for none.</summary>
    public string? Title
    {
        get => Plot.Axes.Title.IsVisible ? Plot.Axes.Title.Label.Text : null;
        set
        {
            Plot.Axes.Title.Label.Text = value is null ? string.Empty : ChartFont.RequireDrawable(value);
            Plot.Axes.Title.IsVisible = value is not null;
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
        Plot.Grid.XAxisStyle.MinorLineStyle.Color = Colors.Black.WithAlpha(0.04);
        return this;
    }

    /// <summary>Makes the y axis log10; call before adding data.</summary>
    public Chart LogScaleY()
    {
        RequireEmpty();
        LogY = true;
        Plot.Axes.Left.TickGenerator = LogTicks.Create();
        Plot.Grid.YAxisStyle.MinorLineStyle.Width = 1;
        Plot.Grid.YAxisStyle.MinorLineStyle.Color = Colors.Black.WithAlpha(0.04);
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

    /// <summary>
    /// Hides axes, ticks, grid and padding so the data area fills the panel: for diagrams drawn with
    /// <see cref="Segment"/> and <see cref="Text"/> in coordinates of the caller's choosing (fix them with <see cref="Limits"/>).
    /// </summary>
    public Chart Frameless()
    {
        Plot.Layout.Frameless();
        Plot.HideGrid();
        Legend = ChartLegend.None;
        return this;
    }

    /// <summary>Uses the same pixels per data unit on both axes (maps, spatial fields).</summary>
    public Chart EqualAspect()
    {
        Plot.Axes.SquareUnits();
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
        RotateCrowdedCategories(widthPx);
        ChartLegendPlacer.Apply(this, widthPx, heightPx);
        FontCheck();
    }

    /// <summary>Category names wider than their share of the panel are drawn at 30° so they do not overlap.</summary>
    private void RotateCrowdedCategories(int widthPx)
    {
        if (_categories.Length == 0)
        {
            return;
        }

        float share = (widthPx - 90f) / _categories.Length;
        float widest = _categories.Max(c => ChartFont.MeasureWidth(c, Plot.Axes.Bottom.TickLabelStyle.FontSize));
        if (widest > 0.92f * share)
        {
            Plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
            Plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            Plot.Axes.Bottom.MinimumSize = 14 + widest * 0.5f + 30;
        }
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
