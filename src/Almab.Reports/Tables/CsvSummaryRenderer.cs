using System.Globalization;
using System.Text;
using Almab.Reports.Csv;

namespace Almab.Reports.Tables;

/// <summary>
/// Renders a <see cref="SummaryTable"/> as tidy RFC 4180 CSV (via <see cref="CsvFormat"/>): one line per
/// (group, method) with full-precision numbers, empty fields for NaN, and the mark as text ("†", "††",
/// "‡", "‡‡", "ns" not significant, "" not tested). Lines end with "\n".
/// </summary>
public static class CsvSummaryRenderer
{
    /// <summary>Column names of the CSV header.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "case", "workers", "budget", "noise", "method", "is_reference", "n", "mean", "sd", "median", "q1", "q3",
        "mean_cumulative_regret", "mean_virtual_seconds", "mean_compute_seconds", "p_value", "p_adjusted",
        "a12_vs_reference", "mark", "correction", "metric",
    ];

    /// <summary>The CSV text with header.</summary>
    public static string Render(SummaryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        sb.Append(CsvFormat.Line(Header)).Append('\n');
        foreach (SummaryGroup g in table.Groups)
        {
            foreach (SummaryRow r in g.Rows)
            {
                string[] fields =
                [
                    g.Case, I(g.Workers), I(g.Budget), CsvFormat.Field(g.Noise), r.Method, r.IsReference ? "true" : "false", I(r.N),
                    CsvFormat.Field(r.Mean), CsvFormat.Field(r.StandardDeviation), CsvFormat.Field(r.Median),
                    CsvFormat.Field(r.LowerQuartile), CsvFormat.Field(r.UpperQuartile), CsvFormat.Field(r.MeanCumulativeRegret),
                    CsvFormat.Field(r.MeanVirtualSeconds), CsvFormat.Field(r.MeanComputeSeconds), CsvFormat.Field(r.PValue),
                    CsvFormat.Field(r.AdjustedPValue), CsvFormat.Field(r.A12), MarkText(r.Mark),
                    table.Correction.ToString(), table.MetricName,
                ];
                sb.Append(CsvFormat.Line(fields)).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string MarkText(SignificanceMark m) => m switch
    {
        SignificanceMark.ReferenceBetter05 => "†",
        SignificanceMark.ReferenceBetter01 => "††",
        SignificanceMark.MethodBetter05 => "‡",
        SignificanceMark.MethodBetter01 => "‡‡",
        SignificanceMark.NotSignificant => "ns",
        _ => "",
    };
}
