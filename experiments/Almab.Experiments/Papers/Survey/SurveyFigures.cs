using System.Globalization;
using System.Text;
using Almab.Reports.Figures;

namespace Almab.Experiments.Papers.Survey;

/// <summary>The survey parts' figure series as tidy CSV; PNG/SVG figures are drawn by the shared figure builders.</summary>
public static class SurveyFigures
{
    /// <summary>One row per (panel, label, x): median, q1, q3.</summary>
    public static string SeriesCsv(IReadOnlyList<SurveySeries> series)
    {
        var sb = new StringBuilder("panel,label,x,median,q1,q3,x_label,y_label\n");
        foreach (var s in series)
        {
            for (int i = 0; i < s.X.Length; i++)
            {
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{s.Panel},\"{s.Label}\",{s.X[i]:R},{s.Median[i]:R},{s.Q1[i]:R},{s.Q3[i]:R},\"{s.XLabel}\",\"{s.YLabel}\""));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Writes one PNG + SVG per panel (median line and IQR band per series) into <paramref name="folder"/> and returns
    /// the PNG paths. An axis is logarithmic when the panel's values on it are positive and span at least two decades.
    /// </summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<SurveySeries> series, string folder)
    {
        var written = new List<string>();
        foreach (var panel in series.GroupBy(s => s.Panel))
        {
            var items = panel.ToList();
            double min = items.Min(s => s.X.Length == 0 ? double.PositiveInfinity : s.X.Min());
            double max = items.Max(s => s.X.Length == 0 ? double.NegativeInfinity : s.X.Max());
            var chart = new Chart(panel.Key).Labels(items[0].XLabel, items[0].YLabel);
            if (min > 0 && max / min >= 100)
            {
                chart.LogScaleX();
            }

            double yMin = items.Min(s => s.Q1.Length == 0 ? double.PositiveInfinity : Math.Min(s.Q1.Min(), s.Median.Min()));
            double yMax = items.Max(s => s.Q3.Length == 0 ? double.NegativeInfinity : Math.Max(s.Q3.Max(), s.Median.Max()));
            if (yMin > 0 && yMax / yMin >= 100)
            {
                chart.LogScaleY();
            }

            for (int i = 0; i < items.Count; i++)
            {
                var s = items[i];
                var color = ChartPalette.Series(i);
                if (s.X.Length > 1)
                {
                    chart.Band(s.X, s.Q1, s.Q3, color);
                    chart.Line(s.X, s.Median, s.Label, color);
                }
                else
                {
                    chart.Points(s.X, s.Median, s.Label, color);
                }
            }

            var files = chart.Save(Path.Combine(folder, panel.Key), 900, 560);
            written.Add(files.PngPath);
        }

        return written;
    }
}
