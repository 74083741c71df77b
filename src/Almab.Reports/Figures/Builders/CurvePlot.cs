using ScottPlot;

namespace Almab.Reports.Figures.Builders;

/// <summary>Adds one method's summarized curve (band first, then the centre line on top) to a chart.</summary>
internal static class CurvePlot
{
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.DenselyDashed, LinePattern.Dotted];

    public static void Add(Chart chart, string label, int index, double[] x, double[][] curves, BandKind band, bool step = false)
    {
        (double[] c, double[] lo, double[] hi) = CurveStatistics.Summarize(curves, band);
        Color color = ChartPalette.Series(index);
        int n = Math.Min(x.Length, c.Length);
        if (band != BandKind.None)
        {
            chart.Band(x[..n], lo[..n], hi[..n], color, 0.15, step: step);
        }

        chart.Line(x[..n], c[..n], label, color, Patterns[index / ChartPalette.Count % Patterns.Length], step: step);
    }

    public static string BandNote(BandKind band, int replicates) => band switch
    {
        BandKind.MeanSd => $"mean ± 1 sd, n = {replicates}",
        BandKind.MedianIqr => $"median and IQR, n = {replicates}",
        _ => $"mean, n = {replicates}",
    };
}
