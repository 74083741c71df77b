namespace Almab.Reports.Figures.Builders;

/// <summary>Canvas size and title for a builder's figure.</summary>
/// <param name="WidthPx">Width in pixels; null for the builder's default (760 for one panel, 1200 for two, 1500 for more).</param>
/// <param name="HeightPx">Height in pixels; null for 480.</param>
/// <param name="Title">Figure title; null for none.</param>
public sealed record FigureOptions(int? WidthPx = null, int? HeightPx = null, string? Title = null)
{
    internal int Width(int panels) => WidthPx ?? (panels switch { 1 => 760, 2 => 1200, _ => 1500 });

    internal int Height() => HeightPx ?? 480;

    /// <summary>An empty grid of this size and title for <paramref name="panels"/> panels in one row.</summary>
    internal ChartGrid Grid(int panels) => new(Width(panels), Height(), Title);
}
