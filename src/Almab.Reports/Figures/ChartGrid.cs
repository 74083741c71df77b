using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Almab.Reports.Figures;

/// <summary>
/// A figure of one or more <see cref="Chart"/>s on a canvas of <see cref="WidthPx"/> x <see cref="HeightPx"/>
/// pixels, laid out row by row in <see cref="Columns"/> equal cells under an optional bold title, written as PNG
/// (raster, SkiaSharp) and SVG (vector, text kept as text) from the same drawing calls.
/// </summary>
public sealed class ChartGrid
{
    private const float TitleBandPx = 34;
    private const float TitleSizePx = 17;
    private readonly List<Chart> _charts = [];

    /// <summary>Creates an empty figure.</summary>
    /// <param name="widthPx">Canvas width (64-10000 px).</param>
    /// <param name="heightPx">Canvas height (64-10000 px).</param>
    /// <param name="title">Figure title drawn across the top; null for none.</param>
    /// <param name="columns">Charts per row; 0 puts every chart in one row.</param>
    public ChartGrid(int widthPx, int heightPx, string? title = null, int columns = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, 64);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widthPx, 10000);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightPx, 64);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heightPx, 10000);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        WidthPx = widthPx;
        HeightPx = heightPx;
        Title = title is null ? null : ChartFont.RequireDrawable(title);
        Columns = columns;
    }

    /// <summary>Canvas width in pixels.</summary>
    public int WidthPx { get; }

    /// <summary>Canvas height in pixels.</summary>
    public int HeightPx { get; }

    /// <summary>Figure title; null for none.</summary>
    public string? Title { get; }

    /// <summary>Charts per row (0: all in one row).</summary>
    public int Columns { get; }

    /// <summary>The charts in reading order.</summary>
    public IReadOnlyList<Chart> Charts => _charts;

    /// <summary>Appends a chart; returns this grid.</summary>
    public ChartGrid Add(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        _charts.Add(chart);
        return this;
    }

    /// <summary>Appends a new empty chart with a panel title and returns the chart.</summary>
    public Chart AddChart(string? title = null)
    {
        var chart = new Chart(title);
        _charts.Add(chart);
        return chart;
    }

    /// <summary>Writes <paramref name="pathWithoutExtension"/>.png and .svg (creating the folder).</summary>
    public ChartFiles Save(string pathWithoutExtension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathWithoutExtension);
        return Save(pathWithoutExtension + ".png", pathWithoutExtension + ".svg");
    }

    /// <summary>Writes the PNG and the SVG (creating their folders).</summary>
    public ChartFiles Save(string pngPath, string svgPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pngPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(svgPath);
        byte[] png = RenderPng();
        string svg = RenderSvg();
        foreach (string path in new[] { pngPath, svgPath })
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }
        }

        File.WriteAllBytes(pngPath, png);
        File.WriteAllText(svgPath, svg, new UTF8Encoding(false));
        return new ChartFiles(pngPath, svgPath);
    }

    /// <summary>The figure as PNG bytes.</summary>
    public byte[] RenderPng()
    {
        var info = new SKImageInfo(WidthPx, HeightPx, SKColorType.Rgba8888, SKAlphaType.Premul);
        using SKSurface surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"cannot create a {WidthPx} x {HeightPx} raster surface.");
        Render(surface.Canvas);
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("PNG encoding failed.");
        return data.ToArray();
    }

    /// <summary>The figure as an SVG document.</summary>
    public string RenderSvg()
    {
        using var stream = new MemoryStream();
        using (SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, WidthPx, HeightPx), stream))
        {
            Render(canvas);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void Render(SKCanvas canvas)
    {
        if (_charts.Count == 0)
        {
            throw new InvalidOperationException("a figure needs at least one chart.");
        }

        using (var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill })
        {
            canvas.DrawRect(new SKRect(0, 0, WidthPx, HeightPx), white);
        }

        float top = Title is null ? 0 : TitleBandPx;
        int columns = Columns == 0 ? _charts.Count : Math.Min(Columns, _charts.Count);
        int rows = (_charts.Count + columns - 1) / columns;
        float cellW = (float)WidthPx / columns, cellH = (HeightPx - top) / rows;
        for (int i = 0; i < _charts.Count; i++)
        {
            float left = i % columns * cellW, cellTop = top + i / columns * cellH;
            _charts[i].Prepare((int)cellW, (int)cellH);
            _charts[i].Plot.Render(canvas, new PixelRect(left, left + cellW, cellTop + cellH, cellTop));
        }

        if (Title is not null)
        {
            using var font = new SKFont(Fonts.GetTypeface(ChartFont.Name, FontWeight.Bold, FontSlant.Upright, FontSpacing.Normal), TitleSizePx);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(Title, WidthPx / 2f, TitleBandPx / 2f + TitleSizePx * 0.36f, SKTextAlign.Center, font, ink);
        }
    }
}
