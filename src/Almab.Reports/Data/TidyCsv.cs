using System.Globalization;
using System.Text;
using Almab.Reports.Csv;

namespace Almab.Reports.Data;

/// <summary>
/// Writes the tidy records as RFC 4180 CSV (via <see cref="CsvFormat"/>): one row per record in input order,
/// snake_case headers, round-trip numbers, NaN as an empty field, "\n" line ends. Suitable for pandas or R.
/// </summary>
public static class TidyCsv
{
    /// <summary>Header of <see cref="Replicates"/>.</summary>
    public static readonly IReadOnlyList<string> ReplicateHeader =
    [
        "case", "method", "workers", "budget", "noise", "replicate", "final_metric", "cumulative_regret",
        "virtual_seconds", "compute_seconds",
    ];

    /// <summary>Header of <see cref="Traces"/>.</summary>
    public static readonly IReadOnlyList<string> TraceHeader =
    [
        "case", "method", "workers", "budget", "noise", "replicate", "evaluation", "virtual_seconds", "observed",
        "best_so_far", "metric",
    ];

    /// <summary>CSV text of replicate records, with header.</summary>
    public static string Replicates(IEnumerable<ReplicateRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sb = new StringBuilder();
        sb.Append(CsvFormat.Line(ReplicateHeader)).Append('\n');
        foreach (ReplicateRecord r in records)
        {
            sb.Append(CsvFormat.Line(
            [
                r.Case, r.Method, I(r.Workers), I(r.Budget), CsvFormat.Field(r.Noise), I(r.Replicate),
                CsvFormat.Field(r.FinalMetric), CsvFormat.Field(r.CumulativeRegret), CsvFormat.Field(r.VirtualSeconds),
                CsvFormat.Field(r.ComputeSeconds),
            ])).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>CSV text of trace points, with header.</summary>
    public static string Traces(IEnumerable<TracePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sb = new StringBuilder();
        sb.Append(CsvFormat.Line(TraceHeader)).Append('\n');
        foreach (TracePoint p in points)
        {
            sb.Append(CsvFormat.Line(
            [
                p.Case, p.Method, I(p.Workers), I(p.Budget), CsvFormat.Field(p.Noise), I(p.Replicate), I(p.Evaluation),
                CsvFormat.Field(p.VirtualSeconds), CsvFormat.Field(p.Observed), CsvFormat.Field(p.BestSoFar),
                CsvFormat.Field(p.Metric),
            ])).Append('\n');
        }

        return sb.ToString();
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
