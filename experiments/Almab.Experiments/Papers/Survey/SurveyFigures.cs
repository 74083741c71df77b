using System.Globalization;
using System.Text;

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

    /// <summary>Writes one PNG + SVG per panel and returns their paths (none until the figure builders are wired).</summary>
    public static IEnumerable<string> Write(IReadOnlyList<SurveySeries> series, string folder) => [];
}
