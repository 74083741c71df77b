using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Builders;

/// <summary>Adds one method's summarized curve (band first, then the centre line on top) to an axes panel.</summary>
internal static class CurvePlot
{
    private static readonly LineStyle[] Styles = [LineStyle.Solid, LineStyle.Dashed, LineStyle.DashDot, LineStyle.Dotted];

    public static void Add(Axes axes, string label, int index, double[] x, double[][] curves, BandKind band, bool step = false)
    {
        (double[] c, double[] lo, double[] hi) = CurveStatistics.Summarize(curves, band);
        Rgba color = Palette.Series(index);
        int n = Math.Min(x.Length, c.Length);
        if (band != BandKind.None)
        {
            axes.Add(new BandSeries(x[..n], lo[..n], hi[..n]) { Color = color, Opacity = 0.15, Step = step });
        }

        axes.Add(new LineSeries(x[..n], c[..n], label) { Color = color, Style = Styles[index / Palette.Count % Styles.Length], Step = step });
    }

    public static string BandNote(BandKind band, int replicates) => band switch
    {
        BandKind.MeanSd => $"mean ± 1 sd, n = {replicates}",
        BandKind.MedianIqr => $"median and IQR, n = {replicates}",
        _ => $"mean, n = {replicates}",
    };
}
