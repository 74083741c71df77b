using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Layout;

/// <summary>One legend row: what sample to draw and its label.</summary>
internal sealed record LegendEntry(string Label, Series Series, Rgba Color);
