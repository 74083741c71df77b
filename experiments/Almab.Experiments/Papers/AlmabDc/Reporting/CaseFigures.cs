using System.Globalization;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Reports.Figures;
using Almab.Sim.Scaling;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Claims;
using Almab.Experiments.Reporting;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.AlmabDc.Reporting;

/// <summary>
/// The figures of a case report: convergence against evaluations (every method, smallest K) and against virtual
/// wall-clock (the reference method at every K), speedup against K with the ideal line and the fitted Amdahl curve,
/// and the case's landscape (case 4: the dose-utility curve, Figure 11a; case 5: the field with the points the
/// reference method sampled, Figure 12a), for whichever of the case's methods the database holds. Each returns a
/// Markdown index line with its caption.
/// </summary>
public static class CaseFigures
{
    /// <summary>Writes the figures of <paramref name="report"/>'s main cell; returns index lines.</summary>
    public static IEnumerable<string> Write(ReportContext report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var main = report.Main;
        string metric = report.Metric;
        string reference = report.Reference;
        int kMin = report.KMin;
        var methods = report.Methods.Where(m => main.Any(r => r.Cell.Method == m && r.Cell.Workers == kMin)).ToList();
        var axes = new Chart($"{report.Definition.Id}: {metric} vs evaluations (K = {kMin})").Labels("Evaluations", metric);
        var counts = new List<int>();
        for (int i = 0; i < methods.Count; i++)
        {
            var cell = report.Cell(methods[i], kMin);
            counts.Add(cell.Count);
            AddBand(axes, CaseSeries.ByEvaluation(cell), methods[i], ChartPalette.Series(i));
        }

        string replicates = counts.Distinct().Count() == 1 ? $"{counts[0]} replicates per method" : $"{counts.Min()}-{counts.Max()} replicates per method";
        yield return report.Save(axes, "convergence-evaluations",
            $"median (line) and interquartile range (band) of {metric} after each evaluation, over {replicates}, K = {kMin}; metric on noise-free values; descriptive (tests: see the summary table).");

        var refCells = main.Where(r => r.Cell.Method == reference).ToList();
        var ks = refCells.Select(r => r.Cell.Workers).Distinct().Order().ToList();
        if (ks.Count > 1)
        {
            var tAxes = new Chart($"{report.Definition.Id}: {reference}, {metric} vs virtual wall-clock").Labels("Virtual wall-clock (s)", metric);
            double end = refCells.Max(r => r.MakespanSeconds);
            for (int i = 0; i < ks.Count; i++)
            {
                var band = CaseSeries.ByVirtualTime(refCells.Where(r => r.Cell.Workers == ks[i]).ToList(), end);
                AddBand(tAxes, band, $"K = {ks[i]}", ChartPalette.Series(i));
            }

            yield return report.Save(tAxes, "convergence-wallclock",
                $"{reference}: median and IQR of {metric} against virtual seconds on the simulated cluster for each K (what distributing buys in wall-clock); descriptive.");

            var speed = Speedup(report.Definition, refCells, ks, reference, out string fitText);
            yield return report.Save(speed, "speedup",
                $"{reference}: speedup in virtual time per evaluation, K workers vs {ks[0]}, mean ± 1.96 SE (delta method), ideal line and least-squares Amdahl fit ({fitText}).");
        }

        foreach (string line in Landscape(report))
        {
            yield return line;
        }
    }

    private static Chart Speedup(CaseDefinition definition, List<ReplicateResult> cells, List<int> ks, string reference, out string fitText)
    {
        var baseline = cells.Where(r => r.Cell.Workers == ks[0]).Select(PerEvaluation).ToList();
        var x = new double[ks.Count];
        var y = new double[ks.Count];
        var lo = new double[ks.Count];
        var hi = new double[ks.Count];
        for (int i = 0; i < ks.Count; i++)
        {
            var (r, l, h) = IntervalEstimates.Ratio(baseline, cells.Where(c => c.Cell.Workers == ks[i]).Select(PerEvaluation).ToList());
            (x[i], y[i], lo[i], hi[i]) = (ks[i] / (double)ks[0], r, l, h);
        }

        AmdahlFitResult? fit = x.Length >= 2 && x[0] == 1 ? AmdahlFit.Fit(x, y) : null;
        fitText = fit is null
            ? "not enough points"
            : $"p = {fit.SerialFraction.ToString("G3", CultureInfo.InvariantCulture)} ± {fit.SerialFractionStandardError.ToString("G2", CultureInfo.InvariantCulture)}";
        var figure = Reporting.SpeedupFigure.Build($"{definition.Id}: speedup of {reference}", "Workers K (relative to the smallest)",
            "Speedup (virtual time per evaluation)", x, y, lo, hi, fit);
        return figure;
    }

    private static IEnumerable<string> Landscape(ReportContext report)
    {
        var definition = report.Definition;
        string reference = report.Reference;
        var replicate0 = report.Cell(reference, report.KMin).FirstOrDefault(r => r.Cell.Replicate == 0);
        if (replicate0 is null)
        {
            yield break;
        }

        var objective = definition.Objective.Create(replicate0.Cell.Noise, report.Root.Derive(definition.Id).Derive(0).Derive("objective"));
        if (objective is SpatialFieldObjective field)
        {
            var levels = field.Space.Parameters[0].Levels;
            int side = levels.Length;
            var values = new double[side, side];
            var rng = new Seed(0).CreateRng();
            for (int i = 0; i < side; i++)
            {
                for (int j = 0; j < side; j++)
                {
                    values[j, i] = field.Evaluate(new Configuration([levels[i], field.Space.Parameters[1].Levels[j]]), 1.0, rng).TrueValue ?? double.NaN;
                }
            }

            var axes = new Chart($"{definition.Id}: true field (replicate 0) and the points {reference} sampled").Labels("s1", "s2");
            axes.Heatmap(values, 0, 1, 0, 1, "field value").EqualAspect().NoGrid();
            axes.Legend = ChartLegend.Below; // every inner corner holds grid cells and sampled points
            var points = replicate0.Evaluations.Select(e => Parse(e.Configuration)).ToList();
            int initial = Math.Min(definition.InitialDesign.Count, points.Count);
            var chosen = points.Skip(initial).ToList();
            if (initial > 0)
            {
                axes.Points([.. points.Take(initial).Select(p => p[0])], [.. points.Take(initial).Select(p => p[1])], $"initial design ({initial})",
                    ChartPalette.Black, ScottPlot.MarkerShape.FilledSquare, 11, outline: true);
            }

            int distinct = chosen.Select(p => (p[0], p[1])).Distinct().Count();
            axes.Points([.. chosen.Select(p => p[0])], [.. chosen.Select(p => p[1])], $"{reference}: {chosen.Count} picks",
                ChartPalette.Vermillion, ScottPlot.MarkerShape.FilledCircle, 9, outline: true);
            yield return report.Save(axes, "field",
                $"ALMAB-DC Figure 12a analogue: the GP field of replicate 0 on the {side} x {side} grid (heat map), the {initial} initial-design points (squares) and the {chosen.Count} locations {reference} chose after them ({distinct} distinct cells; a cell picked twice shows one dot); descriptive.", 820, 720);
        }
        else if (objective is DoseResponseObjective dose)
        {
            var doses = dose.Space.Parameters[0].Levels.ToArray();
            var rng = new Seed(0).CreateRng();
            var utility = doses.Select(d => -(dose.Evaluate(new Configuration([d]), 1.0, rng).TrueValue ?? double.NaN)).ToArray();
            var axes = new Chart($"{definition.Id}: dose-utility landscape").Labels("Dose x", "Utility f(x) = p_eff − 0.5 p_tox");
            axes.Line(doses, utility, "f(x)", ChartPalette.Blue, marker: ScottPlot.MarkerShape.FilledCircle, markerSize: 5);
            int best = Array.IndexOf(utility, utility.Max());
            axes.VerticalLine(doses[best], $"x* = {doses[best].ToString(CultureInfo.InvariantCulture)}", ChartPalette.Vermillion);
            int finals = report.Cell(reference, report.KMin).Count;
            yield return report.Save(axes, "dose-response",
                $"ALMAB-DC Figure 11a analogue: the true utility over the 33 dose levels with the optimum x* marked ({finals} replicates of {reference} in the tables); descriptive.");
        }
    }

    private static double[] Parse(string configuration) =>
        configuration.Split([',', ' ', '=', '(', ')', '[', ']', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN)
            .Where(v => !double.IsNaN(v)).ToArray();

    private static double PerEvaluation(ReplicateResult r) => r.MakespanSeconds / Math.Max(1, r.Evaluations.Length);

    private static void AddBand(Chart chart, CaseSeries.Band band, string label, ScottPlot.Color color)
    {
        chart.Band(band.X, band.Lower, band.Upper, color);
        chart.Line(band.X, band.Median, label, color);
    }
}
