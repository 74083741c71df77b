namespace Almab.Experiments.Papers.Survey;

/// <summary>One line of a survey figure: median and IQR of a curve across replicates at each x.</summary>
/// <param name="Panel">Figure panel (one PNG/SVG per panel).</param>
/// <param name="Label">Legend label.</param>
/// <param name="X">x values.</param>
/// <param name="Median">Median across replicates.</param>
/// <param name="Q1">25th percentile.</param>
/// <param name="Q3">75th percentile.</param>
/// <param name="XLabel">x-axis title.</param>
/// <param name="YLabel">y-axis title.</param>
public sealed record SurveySeries(string Panel, string Label, double[] X, double[] Median, double[] Q1, double[] Q3, string XLabel, string YLabel);
