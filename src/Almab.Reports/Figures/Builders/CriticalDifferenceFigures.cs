using System.Globalization;
using ScottPlot;

namespace Almab.Reports.Figures.Builders;

/// <summary>
/// Critical-difference diagram (Demšar, JMLR 7, 2006, section 3.2.2 and Fig. 1-2) from mean ranks and a CD value,
/// e.g. from Friedman + Nemenyi: the rank axis on top (1 = best on the left), the CD as a scale bar above it, thick
/// bars joining groups whose mean ranks differ by less than the CD (<see cref="CriticalDifferenceGroups"/>), the
/// better half of the methods labelled on the left and the rest on the right, each joined to its mean rank by an
/// elbow line. Drawn with ScottPlot lines and text on a frameless chart whose data units are the panel's pixels.
/// </summary>
public static class CriticalDifferenceFigures
{
    private static readonly Color Ink = Color.FromHex("#222222");

    /// <summary>One-panel figure; its height grows with the number of methods unless given.</summary>
    public static ChartGrid Diagram(IReadOnlyList<string> methods, double[] meanRanks, double criticalDifference, FigureOptions? options = null)
    {
        Check(methods, meanRanks, criticalDifference);
        options ??= new FigureOptions();
        int k = methods.Count;
        IReadOnlyList<int[]> groups = CriticalDifferenceGroups.Compute(meanRanks, criticalDifference);
        int half = (k + 1) / 2;
        double axisY = 64, startY = axisY + 14 + groups.Count * 9 + 14, rowH = 24;
        int width = options.WidthPx ?? 760;
        int height = options.HeightPx ?? (int)Math.Max(120, startY + half * rowH + 10 + (options.Title is null ? 0 : 34));
        var grid = new ChartGrid(width, height, options.Title);
        double panelH = height - (options.Title is null ? 0 : 34);
        Chart chart = grid.AddChart().Frameless().Limits(0, width, -panelH, 0);

        string[] labels = [.. methods.Select((m, i) => $"{m} ({meanRanks[i].ToString("0.00", CultureInfo.InvariantCulture)})")];
        double side = labels.Max(l => ChartFont.MeasureWidth(l, 12));
        double xL = 24 + side + 16, xR = width - 24 - side - 16;
        if (xR - xL < 60)
        {
            (xL, xR) = (width * 0.3, width * 0.7);
        }

        double X(double rank) => xL + (rank - 1) / (k - 1) * (xR - xL);
        void Seg(double x1, double y1, double x2, double y2, float w) => chart.Segment(x1, -y1, x2, -y2, Ink, w);

        double cdY = 22, cdEnd = Math.Min(xR, X(1 + criticalDifference));
        Seg(xL, cdY, cdEnd, cdY, 2);
        Seg(xL, cdY - 5, xL, cdY + 5, 1.5f);
        Seg(cdEnd, cdY - 5, cdEnd, cdY + 5, 1.5f);
        chart.Text((xL + cdEnd) / 2, -(cdY - 6), $"CD = {criticalDifference.ToString("0.00", CultureInfo.InvariantCulture)}", Ink, 12, Alignment.LowerCenter);

        Seg(xL, axisY, xR, axisY, 1.5f);
        for (int r = 1; r <= k; r++)
        {
            Seg(X(r), axisY - 6, X(r), axisY, 1.5f);
            chart.Text(X(r), -(axisY - 8), r.ToString(CultureInfo.InvariantCulture), Ink, 12, Alignment.LowerCenter);
            if (r < k)
            {
                Seg(X(r + 0.5), axisY - 3, X(r + 0.5), axisY, 1);
            }
        }

        for (int g = 0; g < groups.Count; g++)
        {
            double y = axisY + 14 + g * 9;
            Seg(X(meanRanks[groups[g][0]]) - 5, y, X(meanRanks[groups[g][^1]]) + 5, y, 4);
        }

        int[] order = [.. Enumerable.Range(0, k).OrderBy(i => meanRanks[i]).ThenBy(i => i)];
        for (int i = 0; i < k; i++)
        {
            bool left = i < half;
            int m = order[i];
            double y = startY + (left ? i : k - 1 - i) * rowH, x = X(meanRanks[m]), end = left ? xL - 12 : xR + 12;
            Seg(x, axisY, x, y, 1.2f);
            Seg(x, y, end, y, 1.2f);
            chart.Text(left ? end - 4 : end + 4, -y, labels[m], Ink, 12, left ? Alignment.MiddleRight : Alignment.MiddleLeft);
        }

        return grid;
    }

    private static void Check(IReadOnlyList<string> methods, double[] meanRanks, double criticalDifference)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(meanRanks);
        if (methods.Count < 2 || methods.Count != meanRanks.Length)
        {
            throw new ArgumentException($"A critical-difference diagram needs at least two methods and one mean rank each (got {methods.Count} methods, {meanRanks.Length} ranks).", nameof(meanRanks));
        }

        for (int i = 0; i < meanRanks.Length; i++)
        {
            if (!(meanRanks[i] >= 1 && meanRanks[i] <= methods.Count))
            {
                throw new ArgumentOutOfRangeException(nameof(meanRanks), meanRanks[i], $"Mean rank of '{methods[i]}' must be in [1, {methods.Count}].");
            }
        }

        if (!(criticalDifference > 0) || !double.IsFinite(criticalDifference))
        {
            throw new ArgumentOutOfRangeException(nameof(criticalDifference), criticalDifference, "The critical difference must be positive and finite.");
        }
    }
}
