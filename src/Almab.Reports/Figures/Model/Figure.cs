namespace Almab.Reports.Figures.Model;

/// <summary>
/// A figure: a canvas of <see cref="WidthPx"/> x <see cref="HeightPx"/> pixels, an optional title and one or
/// more panels laid out row by row in <see cref="Columns"/> columns of equal size.
/// </summary>
public sealed class Figure
{
    private readonly List<Panel> _panels = [];

    /// <summary>Creates an empty figure.</summary>
    /// <param name="widthPx">Canvas width in pixels (64-10000).</param>
    /// <param name="heightPx">Canvas height in pixels (64-10000).</param>
    /// <param name="title">Figure title drawn at the top; null for none.</param>
    public Figure(int widthPx, int heightPx, string? title = null)
    {
        if (widthPx is < 64 or > 10000)
        {
            throw new ArgumentOutOfRangeException(nameof(widthPx), widthPx, "Figure width must be in 64..10000 px.");
        }

        if (heightPx is < 64 or > 10000)
        {
            throw new ArgumentOutOfRangeException(nameof(heightPx), heightPx, "Figure height must be in 64..10000 px.");
        }

        WidthPx = widthPx;
        HeightPx = heightPx;
        Title = title;
    }

    /// <summary>Canvas width in pixels.</summary>
    public int WidthPx { get; }

    /// <summary>Canvas height in pixels.</summary>
    public int HeightPx { get; }

    /// <summary>Figure title; null for none.</summary>
    public string? Title { get; set; }

    /// <summary>Number of panel columns; 0 (default) puts all panels side by side in one row.</summary>
    public int Columns { get; set; }

    /// <summary>Panels in reading order.</summary>
    public IReadOnlyList<Panel> Panels => _panels;

    /// <summary>Appends a panel and returns it.</summary>
    public T Add<T>(T panel)
        where T : Panel
    {
        ArgumentNullException.ThrowIfNull(panel);
        _panels.Add(panel);
        return panel;
    }

    /// <summary>Appends a new empty <see cref="Axes"/> and returns it.</summary>
    public Axes AddAxes(string? title = null) => Add(new Axes { Title = title });
}
