using System.Globalization;
using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;

namespace Almab.Reports.Figures.Layout;

/// <summary>
/// Lays out a <see cref="CriticalDifferencePanel"/> in Demšar's style: rank axis on top (1 on the left), the CD
/// as a scale bar above it, group bars under it, the better half of the methods labelled on the left and the
/// rest on the right, each joined to its mean rank by an elbow line. Labels read "name (mean rank)".
/// </summary>
internal static class CriticalDifferenceLayout
{
    private static readonly Rgba Ink = new(0x22, 0x22, 0x22);

    public static void Emit(CriticalDifferencePanel p, RectPx cell, TextPlacer text, List<DrawItem> items)
    {
        int k = p.Methods.Count;
        var labels = new string[k];
        double sideW = 0;
        for (int i = 0; i < k; i++)
        {
            labels[i] = $"{p.Methods[i]} ({p.MeanRanks[i].ToString("0.00", CultureInfo.InvariantCulture)})";
            sideW = Math.Max(sideW, text.Width(labels[i], FontMetrics.LegendSize));
        }

        double top = cell.Y + (p.Title is null ? 8 : 10 + FontMetrics.PanelTitleSize * 1.6);
        double xL = cell.X + 20 + sideW + 16, xR = cell.Right - 20 - sideW - 16;
        if (xR - xL < 60)
        {
            (xL, xR) = (cell.X + cell.Width * 0.3, cell.Right - cell.Width * 0.3);
        }

        double X(double rank) => xL + (rank - 1) / (k - 1) * (xR - xL);
        double cdY = top + 16, axisY = top + 56;

        if (p.Title is { } title)
        {
            text.Add(title, cell.X + cell.Width / 2, cell.Y + 8 + FontMetrics.PanelTitleSize, FontMetrics.PanelTitleSize, TextAlign.Center, VerticalAlign.Baseline, TextRole.PanelTitle, bold: true);
        }

        double cdEnd = Math.Min(xR, X(1 + p.CriticalDifference));
        items.Add(new LineItem([new(xL, cdY), new(cdEnd, cdY)], Ink, 2, LineStyle.Solid));
        items.Add(new LineItem([new(xL, cdY - 5), new(xL, cdY + 5)], Ink, 1.5, LineStyle.Solid));
        items.Add(new LineItem([new(cdEnd, cdY - 5), new(cdEnd, cdY + 5)], Ink, 1.5, LineStyle.Solid));
        text.Add($"CD = {p.CriticalDifference.ToString("0.00", CultureInfo.InvariantCulture)}", (xL + cdEnd) / 2, cdY - 5, FontMetrics.LegendSize, TextAlign.Center, VerticalAlign.Bottom, TextRole.Diagram);

        items.Add(new LineItem([new(xL, axisY), new(xR, axisY)], Ink, 1.5, LineStyle.Solid));
        for (int r = 1; r <= k; r++)
        {
            items.Add(new LineItem([new(X(r), axisY - 6), new(X(r), axisY)], Ink, 1.5, LineStyle.Solid));
            text.Add(r.ToString(CultureInfo.InvariantCulture), X(r), axisY - 9, FontMetrics.TickSize, TextAlign.Center, VerticalAlign.Bottom, TextRole.TickLabel);
            if (r < k)
            {
                items.Add(new LineItem([new(X(r + 0.5), axisY - 3), new(X(r + 0.5), axisY)], Ink, 1, LineStyle.Solid));
            }
        }

        IReadOnlyList<int[]> groups = CriticalDifferenceGroups.Compute(p.MeanRanks, p.CriticalDifference);
        for (int g = 0; g < groups.Count; g++)
        {
            int[] m = groups[g];
            double y = axisY + 14 + g * 9;
            items.Add(new LineItem([new(X(p.MeanRanks[m[0]]) - 5, y), new(X(p.MeanRanks[m[^1]]) + 5, y)], Ink, 4, LineStyle.Solid));
        }

        var order = new int[k];
        for (int i = 0; i < k; i++)
        {
            order[i] = i;
        }

        Array.Sort((double[])p.MeanRanks.Clone(), order);
        int half = (k + 1) / 2;
        double startY = axisY + 14 + groups.Count * 9 + 12;
        double rowH = Math.Clamp((cell.Bottom - 12 - startY) / Math.Max(1, half), 14, 24);
        for (int i = 0; i < k; i++)
        {
            bool leftSide = i < half;
            int row = leftSide ? i : k - 1 - i;
            int m = order[i];
            double y = startY + row * rowH, x = X(p.MeanRanks[m]);
            double end = leftSide ? xL - 12 : xR + 12;
            items.Add(new LineItem([new(x, axisY), new(x, y), new(end, y)], Ink, 1.2, LineStyle.Solid));
            text.Add(labels[m], leftSide ? end - 4 : end + 4, y, FontMetrics.LegendSize, leftSide ? TextAlign.Right : TextAlign.Left, VerticalAlign.Middle, TextRole.Diagram);
        }
    }
}
