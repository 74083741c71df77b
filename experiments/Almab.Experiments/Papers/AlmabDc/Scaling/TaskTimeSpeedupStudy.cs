using System.Globalization;
using System.Text;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Runner;
using Almab.Reports.Csv;
using Almab.Reports.Figures;
using ScottPlot;

namespace Almab.Experiments.Papers.AlmabDc.Scaling;

/// <summary>
/// Section 2.6's speed-up at K = 4 against the task-time coefficient of variation (issue 17): the illustrative case
/// re-run with Gamma task times of mean 1 and CV c (c = 0: deterministic), everything else as the case file says.
/// Speed-up = virtual seconds per evaluation at K = 1 over that at K = 4 (the claim's definition), mean over replicates.
/// With synchronous rounds a round lasts as long as its slowest pull, so the speed-up falls from about 4 as c grows;
/// the figure marks the paper's 3.90 and so shows for which task-time spread the stated number can hold.
/// </summary>
public static class TaskTimeSpeedupStudy
{
    /// <summary>CV values run by default.</summary>
    public static IReadOnlyList<double> DefaultCvs { get; } = [0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0];

    /// <summary>(CV, speed-up) pairs.</summary>
    public static IReadOnlyList<(double Cv, double Speedup)> Run(CaseDefinition illustrative, IReadOnlyList<double> cvs, int replicates, Seed root)
    {
        var list = new List<(double, double)>();
        foreach (double cv in cvs)
        {
            var duration = cv == 0 ? new DurationSpec("deterministic") : new DurationSpec("gamma", 1.0 / (cv * cv));
            var definition = illustrative with { Cluster = illustrative.Cluster with { Duration = duration } };
            var runner = new CaseCellRunner(new Dictionary<string, CaseDefinition> { [definition.Id] = definition }, MethodRegistry.Default, root);
            double PerEvaluation(int k) => Enumerable.Range(0, replicates).Average(r =>
            {
                var result = runner.Run(new CellKey(definition.Id, "ucb-averaging", k, definition.Budget[0], CaseLoader.NoiseLevels(definition)[0], r), CancellationToken.None);
                return result.MakespanSeconds / result.Evaluations.Length;
            });
            list.Add((cv, PerEvaluation(1) / PerEvaluation(4)));
        }

        return list;
    }

    /// <summary>CSV of the points.</summary>
    public static string Csv(IReadOnlyList<(double Cv, double Speedup)> points)
    {
        var sb = new StringBuilder();
        sb.AppendLine("task_time_cv,speedup_k4");
        foreach (var (cv, s) in points)
        {
            sb.AppendLine(CsvFormat.Line([CsvFormat.Field(cv), CsvFormat.Field(s)]));
        }

        return sb.ToString();
    }

    /// <summary>The figure, with the paper's 3.90 as a horizontal line.</summary>
    public static ChartFiles Figure(IReadOnlyList<(double Cv, double Speedup)> points, string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(points);
        var chart = new Chart("Section 2.6: speed-up at K = 4 vs task-time CV (synchronous rounds, Gamma task times)")
            .Labels("Task-time coefficient of variation (0 = deterministic, 1 = Exp(1))", "Speed-up at K = 4");
        chart.Line([.. points.Select(p => p.Cv)], [.. points.Select(p => p.Speedup)], "Almab (mean over replicates)", ChartPalette.Blue,
            marker: MarkerShape.FilledCircle);
        chart.HorizontalLine(3.90, "paper: 3.90×", ChartPalette.Vermillion, LinePattern.Dashed);
        chart.HorizontalLine(4.0, "ideal: 4×", ChartPalette.Black, LinePattern.Dotted, 1f);
        chart.Legend = ChartLegend.UpperRight;
        return chart.Save(pathWithoutExtension, 900, 560);
    }

    /// <summary>
    /// The largest CV at which the speed-up still reaches <paramref name="target"/>, by linear interpolation between the
    /// points (sorted by CV); NaN when even the first point is below it, the last CV when none falls below.
    /// </summary>
    public static double CvWhereSpeedupFallsTo(IReadOnlyList<(double Cv, double Speedup)> points, double target)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.Cv).ToList();
        if (sorted.Count == 0 || sorted[0].Speedup < target)
        {
            return double.NaN;
        }

        for (int i = 1; i < sorted.Count; i++)
        {
            var (c0, s0) = sorted[i - 1];
            var (c1, s1) = sorted[i];
            if (s1 < target)
            {
                return c0 + (s0 - target) / (s0 - s1) * (c1 - c0);
            }
        }

        return sorted[^1].Cv;
    }

    /// <summary>One line per point, for the console.</summary>
    public static string Text(IReadOnlyList<(double Cv, double Speedup)> points) =>
        string.Join(Environment.NewLine, points.Select(p => string.Create(CultureInfo.InvariantCulture, $"  CV {p.Cv,5:0.00}: speed-up {p.Speedup:F3}"))) + Environment.NewLine;
}
