using System.Globalization;
using System.Text;
using Almab.Reports.Csv;
using Almab.Reports.Figures;
using Almab.Sim.Scaling;
using ScottPlot;

namespace Almab.Experiments.Papers.AlmabDc.Scaling;

/// <summary>Tables 8 and 9 analogue of the Appendix C study, its CSV and the speed-up figure, with the paper's values beside Almab's.</summary>
public static class SurrogateScalingReport
{
    /// <summary>Table 8's runtimes (s) and Table 9's speed-ups, by model and CPUs 1, 2, 4, 8, 16.</summary>
    private static readonly Dictionary<string, (double[] Runtime, double[] Drag, double[] Speedup)> Paper = new()
    {
        ["gp"] = ([42.055, 27.690, 20.464, 17.428, 17.316], [0.0468, 0.0471, 0.0473, 0.0472, 0.0468], [1.00, 1.52, 2.06, 2.41, 2.43]),
        ["mlp"] = ([40.042, 22.476, 13.463, 9.041, 6.982], [0.0467, 0.0477, 0.0475, 0.0467, 0.0468], [1.00, 1.78, 2.97, 4.43, 5.74]),
        ["rf"] = ([41.449, 25.945, 18.256, 14.734, 13.750], [0.0476, 0.0473, 0.0475, 0.0476, 0.0474], [1.00, 1.60, 2.27, 2.81, 3.01]),
    };

    private static readonly int[] PaperCpus = [1, 2, 4, 8, 16];

    /// <summary>The runtime used for speed-ups at each C: the measured one where there is one, else the modelled one.</summary>
    public static IReadOnlyList<SurrogateScalingCell> Primary(IReadOnlyList<SurrogateScalingCell> cells) =>
        [.. cells.GroupBy(c => (c.Surrogate, c.Cpus)).Select(g => g.FirstOrDefault(c => c.Measured) ?? g.First())];

    /// <summary>Amdahl fit (p alone) of one surrogate's speed-ups.</summary>
    public static AmdahlFitResult? Fit(IReadOnlyList<SurrogateScalingCell> primary, string surrogate)
    {
        var rows = primary.Where(c => c.Surrogate == surrogate).OrderBy(c => c.Cpus).ToList();
        if (rows.Count < 2 || rows[0].Cpus != 1)
        {
            return null;
        }

        return AmdahlFit.Fit([.. rows.Select(r => (double)r.Cpus)], [.. rows.Select(r => rows[0].RuntimeMean / r.RuntimeMean)]);
    }

    /// <summary>Both tables as Markdown.</summary>
    public static string Markdown(IReadOnlyList<SurrogateScalingCell> cells, string machine)
    {
        var primary = Primary(cells);
        var sb = new StringBuilder();
        sb.AppendLine($"### Table 8 analogue: drag and runtime by surrogate and CPU count ({cells[0].Runs} runs per cell; {machine})");
        sb.AppendLine();
        sb.AppendLine("| model | CPUs | drag mean | drag sd | paper drag | runtime mean (s) | runtime sd (s) | runtime is | paper runtime (s) | fit / predict / fantasy / other (s, serial) |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in cells)
        {
            var paper = PaperValue(c.Surrogate, c.Cpus);
            sb.AppendLine($"| {c.Surrogate.ToUpperInvariant()} | {c.Cpus} | {G(c.DragMean)} | {G(c.DragSd)} | {paper.Drag} | {G(c.RuntimeMean)} | {G(c.RuntimeSd)} | "
                + $"{(c.Measured ? "measured" : "modelled")} | {paper.Runtime} | {G(c.FitSeconds)} / {G(c.PredictSeconds)} / {G(c.FantasySeconds)} / {G(c.OtherSeconds)} |");
        }

        sb.AppendLine();
        sb.AppendLine("### Table 9 analogue: speed-up S(C) = T_1 / T_C and efficiency S(C) / C");
        sb.AppendLine();
        sb.AppendLine("| model | CPUs | S(C) | eta(C) | runtime is | paper S(C) | paper eta(C) |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var g in primary.GroupBy(c => c.Surrogate))
        {
            var rows = g.OrderBy(c => c.Cpus).ToList();
            foreach (var c in rows)
            {
                double s = rows[0].RuntimeMean / c.RuntimeMean;
                var paper = PaperValue(c.Surrogate, c.Cpus);
                string etaPaper = paper.Speedup == "–" ? "–" : G(double.Parse(paper.Speedup, CultureInfo.InvariantCulture) / c.Cpus);
                sb.AppendLine($"| {c.Surrogate.ToUpperInvariant()} | {c.Cpus} | {G(s)} | {G(s / c.Cpus)} | {(c.Measured ? "measured" : "modelled")} | {paper.Speedup} | {etaPaper} |");
            }
        }

        sb.AppendLine();
        sb.AppendLine("| model | Amdahl fit p ± se (all CPU counts) | serial share at C = 1 from the split | paper |");
        sb.AppendLine("|---|---|---|---|");
        foreach (string s in primary.Select(c => c.Surrogate).Distinct())
        {
            var fit = Fit(primary, s);
            var one = primary.First(c => c.Surrogate == s && c.Cpus == 1);
            double total = one.FitSeconds + one.PredictSeconds + one.FantasySeconds + one.OtherSeconds;
            double serial = SurrogateScalingStudy.Units(s) == 1 ? 1.0 : (one.FantasySeconds + one.OtherSeconds) / total;
            string paper = s == "mlp" ? "p ≈ 0.08 stated; its S(16) = 5.74 implies 0.119" : s == "gp" ? "S(16) = 2.43 implies 0.372" : "S(16) = 3.01 implies 0.288";
            sb.AppendLine($"| {s.ToUpperInvariant()} | {(fit is null ? "–" : $"{G(fit.SerialFraction)} ± {G(fit.SerialFractionStandardError)}")} | {G(serial)} | {paper} |");
        }

        var checks = cells.Where(c => !c.Measured && c.Cpus > 1 && cells.Any(m => m.Measured && m.Surrogate == c.Surrogate && m.Cpus == c.Cpus)).ToList();
        if (checks.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Model check (the same cell measured and modelled): "
                + string.Join("; ", checks.Select(c => $"{c.Surrogate.ToUpperInvariant()} at C = {c.Cpus}: measured {G(cells.First(m => m.Measured && m.Surrogate == c.Surrogate && m.Cpus == c.Cpus).RuntimeMean)} s, modelled {G(c.RuntimeMean)} s")) + ".");
        }

        return sb.ToString();
    }

    /// <summary>Every cell as CSV.</summary>
    public static string Csv(IReadOnlyList<SurrogateScalingCell> cells)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CsvFormat.Line(["model", "cpus", "runs", "drag_mean", "drag_sd", "runtime_mean_s", "runtime_sd_s", "runtime_source",
            "fit_s", "predict_s", "fantasy_s", "other_s"]));
        foreach (var c in cells)
        {
            sb.AppendLine(CsvFormat.Line([c.Surrogate, c.Cpus.ToString(CultureInfo.InvariantCulture), c.Runs.ToString(CultureInfo.InvariantCulture),
                CsvFormat.Field(c.DragMean), CsvFormat.Field(c.DragSd), CsvFormat.Field(c.RuntimeMean), CsvFormat.Field(c.RuntimeSd),
                c.Measured ? "measured" : "modelled", CsvFormat.Field(c.FitSeconds), CsvFormat.Field(c.PredictSeconds), CsvFormat.Field(c.FantasySeconds),
                CsvFormat.Field(c.OtherSeconds)]));
        }

        return sb.ToString();
    }

    /// <summary>Speed-up against CPUs per surrogate (solid: Almab, dashed: the paper's Table 9, dotted: ideal).</summary>
    public static ChartFiles Figure(IReadOnlyList<SurrogateScalingCell> cells, string pathWithoutExtension)
    {
        var primary = Primary(cells);
        var chart = new Chart("Appendix C analogue: speed-up by surrogate (Almab solid, modelled beyond 2 CPUs; paper dashed)")
            .Labels("CPUs C (= workers K)", "Speed-up T_1 / T_C");
        double[] ideal = [.. primary.Select(c => (double)c.Cpus).Distinct().Order()];
        chart.Line(ideal, ideal, "ideal (linear)", ChartPalette.Black, LinePattern.Dotted);
        var colors = new Dictionary<string, Color> { ["gp"] = ChartPalette.Blue, ["rf"] = ChartPalette.BluishGreen, ["mlp"] = ChartPalette.Vermillion };
        foreach (var g in primary.GroupBy(c => c.Surrogate))
        {
            var rows = g.OrderBy(c => c.Cpus).ToList();
            var color = colors.GetValueOrDefault(g.Key, ChartPalette.Orange);
            chart.Line([.. rows.Select(r => (double)r.Cpus)], [.. rows.Select(r => rows[0].RuntimeMean / r.RuntimeMean)], $"{g.Key.ToUpperInvariant()} (Almab)",
                color, marker: MarkerShape.FilledCircle);
            if (Paper.TryGetValue(g.Key, out var paper))
            {
                chart.Line([.. PaperCpus.Select(c => (double)c)], paper.Speedup, $"{g.Key.ToUpperInvariant()} (paper, Table 9)", color, LinePattern.Dashed);
            }
        }

        chart.XTicks([.. PaperCpus.Select(c => (double)c)]);
        return chart.Save(pathWithoutExtension, 900, 560);
    }

    private static (string Runtime, string Drag, string Speedup) PaperValue(string surrogate, int cpus)
    {
        int i = Array.IndexOf(PaperCpus, cpus);
        return Paper.TryGetValue(surrogate, out var p) && i >= 0 ? (G(p.Runtime[i]), G(p.Drag[i]), p.Speedup[i].ToString("F2", CultureInfo.InvariantCulture)) : ("–", "–", "–");
    }

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
