using ScottPlot;

namespace Almab.Reports.Figures;

/// <summary>One group of <see cref="Chart.Bars"/>: Values[c] is the bar height at category c.</summary>
/// <param name="Label">Legend label; null for none.</param>
/// <param name="Values">Bar heights, one per category (non-finite: no bar).</param>
/// <param name="Color">Fill colour; null for the next palette colour.</param>
/// <param name="Errors">Symmetric error-bar half-lengths, one per category (NaN: none); null for none.</param>
/// <param name="Hatched">Diagonal white stripes over the fill, to tell groups apart without colour.</param>
/// <param name="ValueFormat">Format of the value printed on each bar (e.g. "0.00"); null for none.</param>
public sealed record BarGroup(string? Label, double[] Values, Color? Color = null, double[]? Errors = null, bool Hatched = false, string? ValueFormat = null);
