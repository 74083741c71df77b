using System.Globalization;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Experiments.Cases;
using Almab.Experiments.Store;
using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;
using Almab.Reports.Figures.Rendering;
using Almab.Sim.Scaling;

namespace Almab.Experiments.Reporting;

/// <summary>
/// The figures of a case report: convergence against evaluations (every method, smallest K) and against virtual
/// wall-clock (the reference method at every K), speedup against K with the ideal line and the fitted Amdahl curve,
/// and the case's landscape (case 4: the dose-utility curve, Figure 11a; case 5: the field with the points the
/// reference method sampled, Figure 12a). Each returns a Markdown index line with its caption.
/// </summary>
public static class CaseFigures
{
    /// <summary>Writes the figures into <paramref name="dir"/>; returns index lines; one-line notes (PNG skipped) go to <paramref name="notes"/>.</summary>
    public static IEnumerable<string> Write(CaseDefinition definition, IReadOnlyList<ReplicateResult> results, string dir, Seed root, ICollection<string> notes)
    {
        int budget = definition.Budget[0];
        double noise = CaseLoader.NoiseLevels(definition)[0];
        var main = results.Where(r => r.Cell.Budget == budget && r.Cell.Noise == noise).ToList();
        if (main.Count == 0)
        {
            yield break;
        }

        string metric = main[0].MetricName;
        string reference = definition.ReferenceMethod ?? definition.Methods[0];
        int kMin = main.Min(r => r.Cell.Workers);
        yield return "## Figures";
        yield return "";

        var methods = definition.Methods.Where(m => main.Any(r => r.Cell.Method == m)).ToList();
        var conv = new Figure(900, 560, $"{definition.Id}: {metric} vs evaluations (K = {kMin})");
        var axes = conv.AddAxes().Labels("Evaluations", metric);
        for (int i = 0; i < methods.Count; i++)
        {
            var cell = main.Where(r => r.Cell.Method == methods[i] && r.Cell.Workers == kMin).ToList();
            var band = CaseSeries.ByEvaluation(cell);
            AddBand(axes, band, methods[i], Palette.Series(i));
        }

        yield return Line(Save(conv, dir, "convergence-evaluations", notes),
            $"median (line) and interquartile range (band) of {metric} after each evaluation, over {main.Count(r => r.Cell.Method == methods[0] && r.Cell.Workers == kMin)} replicates per method, K = {kMin}; metric on noise-free values.");

        var refCells = main.Where(r => r.Cell.Method == reference).ToList();
        var ks = refCells.Select(r => r.Cell.Workers).Distinct().Order().ToList();
        if (ks.Count > 1)
        {
            var time = new Figure(900, 560, $"{definition.Id}: {reference}, {metric} vs virtual wall-clock");
            var tAxes = time.AddAxes().Labels("Virtual wall-clock (s)", metric);
            double end = refCells.Max(r => r.MakespanSeconds);
            for (int i = 0; i < ks.Count; i++)
            {
                var band = CaseSeries.ByVirtualTime(refCells.Where(r => r.Cell.Workers == ks[i]).ToList(), end);
                AddBand(tAxes, band, $"K = {ks[i]}", Palette.Series(i));
            }

            yield return Line(Save(time, dir, "convergence-wallclock", notes),
                $"{reference}: median and IQR of {metric} against virtual seconds on the simulated cluster for each K (what distributing buys in wall-clock).");

            var speed = Speedup(definition, refCells, ks, reference, out string fitText);
            yield return Line(Save(speed, dir, "speedup", notes),
                $"{reference}: speedup in virtual time per evaluation, K workers vs 1, mean ± 1.96 SE (delta method), ideal line and least-squares Amdahl fit ({fitText}).");
        }

        foreach (string line in Landscape(definition, main, reference, dir, root, notes))
        {
            yield return line;
        }

        yield return "";
    }

    private static Figure Speedup(CaseDefinition definition, List<ReplicateResult> cells, List<int> ks, string reference, out string fitText)
    {
        var baseline = cells.Where(r => r.Cell.Workers == ks[0]).Select(PerEvaluation).ToList();
        var x = new double[ks.Count];
        var y = new double[ks.Count];
        var lo = new double[ks.Count];
        var hi = new double[ks.Count];
        for (int i = 0; i < ks.Count; i++)
        {
            var (r, l, h) = Claims.IntervalEstimates.Ratio(baseline, cells.Where(c => c.Cell.Workers == ks[i]).Select(PerEvaluation).ToList());
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

    private static IEnumerable<string> Landscape(CaseDefinition definition, List<ReplicateResult> main, string reference, string dir, Seed root, ICollection<string> notes)
    {
        var replicate0 = main.FirstOrDefault(r => r.Cell.Method == reference && r.Cell.Replicate == 0 && r.Cell.Workers == main.Min(c => c.Cell.Workers));
        if (replicate0 is null)
        {
            yield break;
        }

        var objective = definition.Objective.Create(replicate0.Cell.Noise, root.Derive(definition.Id).Derive(0).Derive("objective"));
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

            var figure = new Figure(760, 640, $"{definition.Id}: true field (replicate 0) and the points {reference} sampled");
            var axes = figure.AddAxes().Labels("s1", "s2");
            axes.Add(new HeatmapSeries(values, 0, 1, 0, 1) { ColorBarLabel = "field value" });
            var points = replicate0.Evaluations.Select(e => Parse(e.Configuration)).ToList();
            axes.Add(new ScatterSeries([.. points.Select(p => p[0])], [.. points.Select(p => p[1])], $"{reference} samples (N = {points.Count})")
            {
                Color = Palette.Vermillion,
                Outline = true,
            });
            yield return Line(Save(figure, dir, "field", notes),
                $"ALMAB-DC Figure 12a analogue: the GP field of replicate 0 on the 8 x 8 grid (heat map) and the locations {reference} sampled there.");
        }
        else if (objective is DoseResponseObjective dose)
        {
            var doses = dose.Space.Parameters[0].Levels.ToArray();
            var rng = new Seed(0).CreateRng();
            var utility = doses.Select(d => -(dose.Evaluate(new Configuration([d]), 1.0, rng).TrueValue ?? double.NaN)).ToArray();
            var figure = new Figure(900, 560, $"{definition.Id}: dose-utility landscape");
            var axes = figure.AddAxes().Labels("Dose x", "Utility f(x) = p_eff - 0.5 p_tox");
            axes.Add(new LineSeries(doses, utility, "f(x)") { Color = Palette.Blue, Marker = MarkerShape.Circle, MarkerSizePx = 4 });
            int best = Array.IndexOf(utility, utility.Max());
            axes.Add(new ReferenceLine(true, doses[best], $"x* = {doses[best].ToString(CultureInfo.InvariantCulture)}") { Color = Palette.Vermillion });
            var finals = main.Where(r => r.Cell.Method == reference && r.Cell.Workers == replicate0.Cell.Workers).Count();
            yield return Line(Save(figure, dir, "dose-response", notes),
                $"ALMAB-DC Figure 11a analogue: the true utility over the 33 dose levels with the optimum x* marked ({finals} replicates of {reference} in the tables).");
        }
    }

    private static double[] Parse(string configuration) =>
        configuration.Split([',', ' ', '=', '(', ')', '[', ']', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN)
            .Where(v => !double.IsNaN(v)).ToArray();

    private static double PerEvaluation(ReplicateResult r) => r.MakespanSeconds / Math.Max(1, r.Evaluations.Length);

    private static void AddBand(Axes axes, CaseSeries.Band band, string label, Rgba color)
    {
        axes.Add(new BandSeries(band.X, band.Lower, band.Upper) { Color = color });
        axes.Add(new LineSeries(band.X, band.Median, label) { Color = color });
    }

    private static FigureWriteResult Save(Figure figure, string dir, string name, ICollection<string> notes)
    {
        var result = FigureWriter.Write(figure, Path.Combine(dir, name));
        if (result.Message is string m)
        {
            notes.Add(m);
        }

        return result;
    }

    private static string Line(FigureWriteResult result, string caption)
    {
        string svg = Path.GetFileName(result.SvgPath);
        return result.PngPath is string png
            ? $"- ![{Path.GetFileNameWithoutExtension(png)}]({Path.GetFileName(png)}) [{Path.GetFileName(png)}]({Path.GetFileName(png)}) / [svg]({svg}) — {caption}"
            : $"- [{svg}]({svg}) — {caption}";
    }
}
