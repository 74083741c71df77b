using System.Globalization;
using Almab.Reports.Csv;

namespace Almab.Experiments.Store;

/// <summary>
/// Exports a results database as two tidy CSV files: replicates.csv and evaluations.csv. An empty
/// <c>crashed_attempts</c> field means "not recorded" (a replicate stored by schema 1, or by a runner without crashes to report).
/// </summary>
public static class CsvExporter
{
    /// <summary>Writes the CSV files into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Export(ResultStore store, string directory)
    {
        Directory.CreateDirectory(directory);
        var results = store.ReadAll().ToList();
        string replicatesPath = Path.Combine(directory, "replicates.csv");
        using (var writer = new StreamWriter(replicatesPath))
        {
            writer.WriteLine("case_id,method,workers,budget,noise,replicate,seed,metric_name,final_metric,cumulative_regret,makespan_seconds,compute_seconds,evaluations,crashed_attempts");
            foreach (var r in results)
            {
                writer.WriteLine(CsvFormat.Line(Cell(r).Concat(
                [
                    r.Seed.ToString(CultureInfo.InvariantCulture), r.MetricName, CsvFormat.Field(r.FinalMetric),
                    CsvFormat.Field(r.CumulativeRegret), CsvFormat.Field(r.MakespanSeconds), CsvFormat.Field(r.ComputeSeconds),
                    r.Evaluations.Length.ToString(CultureInfo.InvariantCulture),
                    r.CrashedAttempts?.ToString(CultureInfo.InvariantCulture) ?? "",
                ])));
            }
        }

        string evaluationsPath = Path.Combine(directory, "evaluations.csv");
        using (var writer = new StreamWriter(evaluationsPath))
        {
            writer.WriteLine("case_id,method,workers,budget,noise,replicate,index,virtual_seconds,compute_seconds,worker,configuration,observed,true_value,best_so_far,metric");
            foreach (var r in results)
            {
                var cell = Cell(r).ToArray();
                foreach (var e in r.Evaluations)
                {
                    writer.WriteLine(CsvFormat.Line(cell.Concat(
                    [
                        e.Index.ToString(CultureInfo.InvariantCulture), CsvFormat.Field(e.VirtualSeconds), CsvFormat.Field(e.ComputeSeconds),
                        e.Worker.ToString(CultureInfo.InvariantCulture), e.Configuration, CsvFormat.Field(e.Observed),
                        CsvFormat.Field(e.TrueValue), CsvFormat.Field(e.BestSoFar), CsvFormat.Field(e.Metric),
                    ])));
                }
            }
        }

        return [replicatesPath, evaluationsPath];
    }

    private static IEnumerable<string> Cell(ReplicateResult r) =>
    [
        r.Cell.CaseId, r.Cell.Method, r.Cell.Workers.ToString(CultureInfo.InvariantCulture),
        r.Cell.Budget.ToString(CultureInfo.InvariantCulture), CsvFormat.Field(r.Cell.Noise),
        r.Cell.Replicate.ToString(CultureInfo.InvariantCulture),
    ];
}
