using System.Globalization;
using System.Text;
using Almab.Reports.Csv;
using Almab.Reports.Figures;
using Almab.Sim.Scaling;
using Almab.Experiments.Papers.AlmabDc.Reporting;
using Almab.Experiments.Papers.Ata;

namespace Almab.Experiments.Papers.AlmabDc.Runner;

/// <summary>Text and CSV output of a scaling study with its Amdahl fit and the two K* readings.</summary>
public static class ScalingReport
{
    /// <summary>Prints the table, the fit and K*.</summary>
    public static void Write(TextWriter output, IReadOnlyList<ScalingPoint> points, AmdahlFitResult fit)
    {
        output.WriteLine($"{"K",4}  {"makespan (virt. s)",20}  {"speedup",16}  {"Amdahl fit",10}  {"ideal",6}  {"efficiency",10}");
        foreach (var p in points)
        {
            output.WriteLine($"{p.Workers,4}  {F(p.MeanMakespanSeconds) + " ± " + F(p.MakespanSd),20}  {F(p.Speedup) + " ± " + F(p.SpeedupStandardError),16}  {F(fit.Predict(p.Workers)),10}  {p.Workers,6}  {F(p.Speedup / p.Workers),10}");
        }

        output.WriteLine($"Amdahl fit (least squares on speedups): p = {F(fit.SerialFraction)} ± {F(fit.SerialFractionStandardError)}"
            + (fit.Alpha is double a ? $", alpha = {F(a)} ± {F(fit.AlphaStandardError!.Value)}, beta = {F(fit.Beta!.Value)} ± {F(fit.BetaStandardError!.Value)}" : " (eta = 1)")
            + $", RSS = {F(fit.ResidualSumOfSquares)}, {fit.DegreesOfFreedom} d.f.");
        if (fit.Alpha is double alpha && fit.Beta is double beta && fit.SerialFraction > 0 && alpha > 0 && beta > 0)
        {
            output.WriteLine($"K* (ALMAB-DC eq. 7)      = {F(OptimalAgents.ClosedForm(fit.SerialFraction, alpha, beta))}");
            foreach (WallClockModel model in new WallClockModel[] { new SerialOverheadModel(fit.SerialFraction, alpha, beta), new EfficiencyAmdahlModel(fit.SerialFraction, alpha, beta) })
            {
                var k = OptimalAgents.Numerical(model);
                output.WriteLine(k.Interior
                    ? $"K* numerical = {F(k.ContinuousWorkers)} (best integer {k.IntegerWorkers}) under {model.Assumption}"
                    : $"K* numerical: none up to K = {k.IntegerWorkers} (time keeps falling) under {model.Assumption}");
            }
        }
        else
        {
            output.WriteLine(fit.Alpha is null
                ? "K*: needs a fitted overhead (alpha, beta): rerun with --fit-overhead and at least 4 K values"
                : "K*: eq. (7) needs p, alpha and beta > 0, and the fit put one of them on its bound 0");
        }
    }

    /// <summary>The table as CSV, one row per K, with the fit's p in every row.</summary>
    public static string Csv(IReadOnlyList<ScalingPoint> points, AmdahlFitResult fit)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CsvFormat.Line(["workers", "mean_makespan_s", "makespan_sd_s", "speedup", "speedup_se", "amdahl_fit_speedup", "fitted_p", "fitted_p_se"]));
        foreach (var p in points)
        {
            sb.AppendLine(CsvFormat.Line([
                p.Workers.ToString(CultureInfo.InvariantCulture), CsvFormat.Field(p.MeanMakespanSeconds), CsvFormat.Field(p.MakespanSd),
                CsvFormat.Field(p.Speedup), CsvFormat.Field(p.SpeedupStandardError), CsvFormat.Field(fit.Predict(p.Workers)),
                CsvFormat.Field(fit.SerialFraction), CsvFormat.Field(fit.SerialFractionStandardError),
            ]));
        }

        return sb.ToString();
    }

    /// <summary>Speedup vs K: measured (± 1.96 SE), ideal, and the fitted Amdahl curve with its p.</summary>
    public static ChartFiles Figure(IReadOnlyList<ScalingPoint> points, AmdahlFitResult fit, string pathWithoutExtension)
    {
        double[] k = [.. points.Select(p => (double)p.Workers)];
        var figure = SpeedupFigure.Build("Speedup on the simulated cluster", "Workers K", "Speedup T(1) / T(K)", k,
            [.. points.Select(p => p.Speedup)],
            [.. points.Select(p => p.Speedup - 1.96 * p.SpeedupStandardError)],
            [.. points.Select(p => p.Speedup + 1.96 * p.SpeedupStandardError)],
            fit);
        return figure.Save(pathWithoutExtension);
    }

    /// <summary>
    /// Prints an allocation scaling study (<see cref="AllocationScalingStudy"/>): per K the mean round makespan, the total
    /// worker time over all rounds, the speedup against K = 1 with the same policy, and the policy's last allocation.
    /// </summary>
    public static void WriteAllocation(TextWriter output, AllocationScalingSettings settings, IReadOnlyList<AllocationScalingPoint> points)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(points);
        output.WriteLine($"{"K",4}  {"round makespan (virt. s)",24}  {"total worker time (virt. s)",27}  {"speedup",16}  {"final = OFTA",12}  final allocation (replicate 1)");
        foreach (var p in points)
        {
            output.WriteLine($"{p.Workers,4}  {F(p.MeanRoundSeconds) + " ± " + F(p.RoundSecondsSd),24}  {F(p.TotalWorkerSeconds) + " ± " + F(p.TotalWorkerSecondsSd),27}  "
                + $"{F(p.Speedup) + " ± " + F(p.SpeedupStandardError),16}  {F(p.OracleShare),12}  {Compact(p.FinalAllocation)}");
        }

        output.WriteLine($"round makespan: mean over the {settings.Rounds} rounds, then mean ± sd over {settings.Replicates} replicates; total worker time: "
            + (settings.Policy == "gta"
                ? "computing seconds up to each round's end, abandoned in-flight work included, summed over the rounds"
                : "summed task durations over the rounds")
            + "; speedup: round makespan at K = 1 over K (± delta-method SE); final = OFTA: share of replicates whose last allocation is RAS(mu; B)");
    }

    /// <summary>An allocation scaling study as CSV, one row per K; allocations are space-separated task counts per worker.</summary>
    public static string AllocationCsv(AllocationScalingSettings settings, IReadOnlyList<AllocationScalingPoint> points)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(points);
        var sb = new StringBuilder();
        sb.AppendLine(CsvFormat.Line([
            "policy", "workers", "tasks_per_round", "rounds", "replicates", "mean_round_makespan_s", "round_makespan_sd_s", "total_worker_s",
            "total_worker_sd_s", "speedup", "speedup_se", "final_equals_ofta_share", "final_allocation", "ofta_allocation",
        ]));
        foreach (var p in points)
        {
            sb.AppendLine(CsvFormat.Line([
                settings.Policy, p.Workers.ToString(CultureInfo.InvariantCulture), settings.Tasks.ToString(CultureInfo.InvariantCulture),
                settings.Rounds.ToString(CultureInfo.InvariantCulture), settings.Replicates.ToString(CultureInfo.InvariantCulture),
                CsvFormat.Field(p.MeanRoundSeconds), CsvFormat.Field(p.RoundSecondsSd), CsvFormat.Field(p.TotalWorkerSeconds),
                CsvFormat.Field(p.TotalWorkerSecondsSd), CsvFormat.Field(p.Speedup), CsvFormat.Field(p.SpeedupStandardError),
                CsvFormat.Field(p.OracleShare), string.Join(' ', p.FinalAllocation), string.Join(' ', p.OracleAllocation),
            ]));
        }

        return sb.ToString();
    }

    /// <summary>At most 16 counts, then how many workers are left out and how many of them have tasks.</summary>
    private static string Compact(IReadOnlyList<int> allocation)
    {
        const int shown = 16;
        if (allocation.Count <= shown)
        {
            return string.Join(' ', allocation);
        }

        int busy = allocation.Skip(shown).Count(a => a > 0);
        return string.Join(' ', allocation.Take(shown)) + $" … (+{allocation.Count - shown} workers, {busy} with tasks)";
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
