namespace Almab.Reports.Figures.Layout;

/// <summary>
/// A figure laid out once into canvas drawing instructions; every renderer replays the same items, so SVG and
/// PNG agree in every position.
/// </summary>
public sealed class FigureLayout
{
    internal FigureLayout(int widthPx, int heightPx, List<DrawItem> items, List<RectPx> plotAreas, List<RectPx> legendBoxes)
    {
        WidthPx = widthPx;
        HeightPx = heightPx;
        Items = items;
        PlotAreas = plotAreas;
        LegendBoxes = legendBoxes;
        var texts = new List<TextItem>();
        foreach (DrawItem item in items)
        {
            if (item is TextItem t)
            {
                texts.Add(t);
            }
        }

        Texts = texts;
    }

    /// <summary>Canvas width in pixels.</summary>
    public int WidthPx { get; }

    /// <summary>Canvas height in pixels.</summary>
    public int HeightPx { get; }

    /// <summary>Drawing instructions in painting order.</summary>
    public IReadOnlyList<DrawItem> Items { get; }

    /// <summary>All texts, in painting order.</summary>
    public IReadOnlyList<TextItem> Texts { get; }

    /// <summary>The data rectangle of each axes panel (in panel order; critical-difference panels excluded).</summary>
    public IReadOnlyList<RectPx> PlotAreas { get; }

    /// <summary>The box of every legend drawn.</summary>
    public IReadOnlyList<RectPx> LegendBoxes { get; }
}
