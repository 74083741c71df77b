namespace Almab.Reports.Figures.Model;

/// <summary>
/// A Cartesian plot panel: two axes, data series drawn in insertion order (bands first is the caller's
/// choice: later series paint over earlier ones), text annotations and a legend.
/// </summary>
public sealed class Axes : Panel
{
    private readonly List<Series> _series = [];
    private readonly List<TextAnnotation> _annotations = [];

    /// <summary>Horizontal axis.</summary>
    public Axis X { get; } = new();

    /// <summary>Vertical axis.</summary>
    public Axis Y { get; } = new();

    /// <summary>Draw light grid lines at the major ticks (default true).</summary>
    public bool Grid { get; set; } = true;

    /// <summary>Use the same pixels per data unit on both axes (maps and spatial fields); the plot shrinks to fit.</summary>
    public bool EqualAspect { get; set; }

    /// <summary>Legend placement (default <see cref="LegendPlacement.Auto"/>).</summary>
    public LegendPlacement Legend { get; set; } = LegendPlacement.Auto;

    /// <summary>Series in drawing order.</summary>
    public IReadOnlyList<Series> Series => _series;

    /// <summary>Text annotations in data coordinates.</summary>
    public IReadOnlyList<TextAnnotation> Annotations => _annotations;

    /// <summary>Appends a series and returns it.</summary>
    public T Add<T>(T series)
        where T : Series
    {
        ArgumentNullException.ThrowIfNull(series);
        _series.Add(series);
        return series;
    }

    /// <summary>Appends a text annotation and returns it.</summary>
    public TextAnnotation Annotate(TextAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        _annotations.Add(annotation);
        return annotation;
    }

    /// <summary>Sets both axis labels (with units) and returns this panel.</summary>
    public Axes Labels(string? x, string? y)
    {
        X.Label = x;
        Y.Label = y;
        return this;
    }
}
