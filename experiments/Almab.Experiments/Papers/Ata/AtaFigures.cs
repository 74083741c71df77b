using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;
using Almab.Reports.Figures.Rendering;

namespace Almab.Experiments.Papers.Ata;

/// <summary>Figures like the ATA paper's Figures 1-3: per n, suboptimality against runtime and total worker time, average iteration time, averaged regret; and the section 7.2 regret.</summary>
public static class AtaFigures
{
    /// <summary>
    /// Writes a Figure-1-like figure of a table from seed 0's runs: one row per n; columns suboptimality against
    /// runtime, against total worker time, average iteration time C_k / k, and averaged proxy regret R_k / k.
    /// </summary>
    public static FigureWriteResult Table(string name, string title, IReadOnlyList<int> workerCounts, AtaTableResult result, string dir)
    {
        var figure = new Figure(1700, 360 * workerCounts.Count, $"{title} (seed 0)") { Columns = 4 };
        foreach (int n in workerCounts)
        {
            var runtime = figure.AddAxes($"n = {n}").Labels("Runtime (s)", "f(x) - f*");
            var worker = figure.AddAxes($"n = {n}").Labels("Total worker time (s)", "f(x) - f*");
            var iteration = figure.AddAxes($"n = {n}").Labels("Round k", "C_k / k (s)");
            var regret = figure.AddAxes($"n = {n}").Labels("Round k", "R_k / k (s)");
            foreach (var axes in new[] { runtime, worker })
            {
                axes.X.Scale = AxisScale.Log10;
                axes.Y.Scale = AxisScale.Log10;
            }

            iteration.X.Scale = AxisScale.Log10;
            regret.X.Scale = AxisScale.Log10;
            for (int m = 0; m < AtaTableExperiment.Methods.Length; m++)
            {
                var c = result.Curves.First(c => c.Workers == n && c.Replicate == 0 && c.Method == AtaTableExperiment.Methods[m]);
                double[] k = [.. c.Rounds.Select(r => (double)r)];
                var color = Palette.Series(m);
                runtime.Add(new LineSeries(c.RuntimeSeconds, c.Suboptimality, c.Method) { Color = color, WidthPx = 1.5 });
                worker.Add(new LineSeries(c.WorkerSeconds, c.Suboptimality, c.Method) { Color = color, WidthPx = 1.5 });
                iteration.Add(new LineSeries(k, [.. c.RuntimeSeconds.Select((v, i) => v / k[i])], c.Method) { Color = color, WidthPx = 1.5 });
                if (m > 0)
                {
                    regret.Add(new LineSeries(k, [.. c.CumulativeRegret.Select((v, i) => v / k[i])], c.Method) { Color = color, WidthPx = 1.5 });
                }
            }
        }

        return FigureWriter.Write(figure, Path.Combine(dir, name));
    }

    /// <summary>Cumulative regret (mean ± sd over seeds) against rounds on a log axis, and averaged regret R_k / k.</summary>
    public static FigureWriteResult Regret(IReadOnlyList<AtaRegretCurve> curves, string dir)
    {
        var figure = new Figure(1100, 480, "ATA section 7.2: regret, n = 20, B = 5, task times Exp(2i)") { Columns = 2 };
        var cumulative = figure.AddAxes("cumulative regret").Labels("Round k", "R_k (s)");
        cumulative.X.Scale = AxisScale.Log10;
        var averaged = figure.AddAxes("averaged regret").Labels("Round k", "R_k / k (s)");
        averaged.X.Scale = AxisScale.Log10;
        for (int m = 0; m < curves.Count; m++)
        {
            var c = curves[m];
            double[] x = [.. c.Rounds.Select(r => (double)r)];
            cumulative.Add(new BandSeries(x, [.. c.MeanRegret.Select((v, i) => v - c.SdRegret[i])], [.. c.MeanRegret.Select((v, i) => v + c.SdRegret[i])]) { Color = Palette.Series(m + 1) });
            cumulative.Add(new LineSeries(x, c.MeanRegret, c.Method) { Color = Palette.Series(m + 1) });
            averaged.Add(new LineSeries(x, [.. c.MeanRegret.Select((v, i) => v / c.Rounds[i])], c.Method) { Color = Palette.Series(m + 1) });
        }

        return FigureWriter.Write(figure, Path.Combine(dir, "regret"));
    }
}
