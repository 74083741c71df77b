using System.Globalization;
using Almab.Experiments.Store;
using Almab.Reports.Figures;

namespace Almab.Experiments.Papers.Moco;

/// <summary>
/// Figures of the MOCO report (PNG + SVG through the shared ScottPlot builders): HV-ratio convergence against
/// evaluations and against virtual time (median over instances with the interquartile band, one panel per problem,
/// the specialised ws solver as a dashed horizontal line at its median), and the final Pareto fronts of instance 0 of
/// every problem (objectives 1 and 2; for Tri-TSP the projection on them).
/// </summary>
public static class MocoFigures
{
    /// <summary>Methods drawn in the convergence and front figures (the ablations stay in the tables).</summary>
    public static readonly string[] Drawn = ["dl", "dl-ts", "nsga2", "random", "parego"];

    /// <summary>Writes the figures into <paramref name="folder"/>/figures and returns the PNG paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<ReplicateResult> results, IReadOnlyList<string> problems, IReadOnlyList<string> methods, string folder)
    {
        string dir = Path.Combine(folder, "figures");
        Directory.CreateDirectory(dir);
        var drawn = Drawn.Where(methods.Contains).ToList();
        var paths = new List<string>();
        int columns = Math.Min(problems.Count, 2);
        int rows = (problems.Count + columns - 1) / columns;
        foreach (bool virtualTime in new[] { false, true })
        {
            var grid = new ChartGrid(1300, 430 * rows, virtualTime ? "HV ratio against virtual time (K workers, mean 1 s per evaluation)" : "HV ratio against evaluations", columns);
            foreach (string problem in problems)
            {
                var chart = grid.AddChart(problem).Labels(virtualTime ? "virtual time (s)" : "evaluations", "HV ratio");
                foreach (string method in drawn)
                {
                    var reps = results.Where(r => r.Cell.CaseId == problem && r.Cell.Method == method).ToList();
                    if (reps.Count == 0 || reps.Any(r => r.Evaluations.Length != MocoCellRunner.Checkpoints))
                    {
                        continue;
                    }

                    var x = new double[MocoCellRunner.Checkpoints];
                    var med = new double[x.Length];
                    var lo = new double[x.Length];
                    var hi = new double[x.Length];
                    for (int j = 0; j < x.Length; j++)
                    {
                        var ys = reps.Select(r => r.Evaluations[j].Metric).Order().ToArray();
                        var xs = reps.Select(r => virtualTime ? r.Evaluations[j].VirtualSeconds : r.Evaluations[j].Index + 1.0).Order().ToArray();
                        x[j] = Quantile(xs, 0.5);
                        med[j] = Quantile(ys, 0.5);
                        lo[j] = Quantile(ys, 0.25);
                        hi[j] = Quantile(ys, 0.75);
                    }

                    chart.Band(x, lo, hi);
                    chart.Line(x, med, method);
                }

                var ws = results.Where(r => r.Cell.CaseId == problem && r.Cell.Method == "ws").Select(r => r.FinalMetric).Order().ToArray();
                if (ws.Length > 0 && methods.Contains("ws"))
                {
                    chart.HorizontalLine(Quantile(ws, 0.5), "ws (median)", pattern: ScottPlot.LinePattern.Dashed);
                }
            }

            var files = grid.Save(Path.Combine(dir, virtualTime ? "convergence-virtual-time" : "convergence-evaluations"));
            paths.Add(files.PngPath);
        }

        var fronts = new ChartGrid(1300, 430 * rows, "Final non-dominated fronts, instance 0 (objectives 1 and 2, minimization)", columns);
        foreach (string problem in problems)
        {
            var chart = fronts.AddChart(problem).Labels("objective 1 (knapsack: -value 1)", "objective 2 (knapsack: -value 2)");
            foreach (string method in drawn.Prepend("ws").Where(methods.Contains))
            {
                var rep = results.FirstOrDefault(r => r.Cell.CaseId == problem && r.Cell.Method == method && r.Cell.Replicate == 0);
                if (rep is null || rep.Evaluations[^1].Configuration.Length == 0)
                {
                    continue;
                }

                var pts = rep.Evaluations[^1].Configuration.Split(';')
                    .Select(s => s.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
                chart.Points(pts.Select(p => p[0]).ToArray(), pts.Select(p => p[1]).ToArray(), method, size: 6);
            }
        }

        paths.Add(fronts.Save(Path.Combine(dir, "fronts-instance0")).PngPath);
        return paths;
    }

    private static double Quantile(double[] sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int i = (int)Math.Floor(h);
        return i + 1 < sorted.Length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }
}
