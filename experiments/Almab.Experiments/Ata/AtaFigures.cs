using Almab.Algorithms.Allocation;
using Almab.Reports.Figures.Colors;
using Almab.Reports.Figures.Model;
using Almab.Reports.Figures.Rendering;

namespace Almab.Experiments.Ata;

/// <summary>Figures like the ATA paper's Figures 1-3: suboptimality against runtime and against total worker time (one panel per n), and regret.</summary>
public static class AtaFigures
{
    /// <summary>Writes the two suboptimality figures of a table; returns the write results.</summary>
    public static IReadOnlyList<FigureWriteResult> Table(string name, string title, IReadOnlyList<int> workerCounts, AtaTableResult result, string dir)
    {
        var written = new List<FigureWriteResult>();
        foreach (var (suffix, axisLabel, pick) in new (string, string, Func<AllocationRun, double[]>)[]
        {
            ("runtime", "Runtime (s)", r => r.RuntimeSeconds),
            ("worker-time", "Total worker time (s)", r => r.TotalWorkerSeconds),
        })
        {
            var figure = new Figure(1100, 800, $"{title}: f(x_k) - f* against {axisLabel.ToLowerInvariant()} (seed 0)") { Columns = 2 };
            for (int ni = 0; ni < workerCounts.Count; ni++)
            {
                var axes = figure.AddAxes($"n = {workerCounts[ni]}").Labels(axisLabel, "f(x) - f*");
                axes.Y.Scale = AxisScale.Log10;
                int rounds = result.Seed0Suboptimality.Length;
                for (int m = 0; m < AtaTableExperiment.Methods.Length; m++)
                {
                    double[] perRound = pick(result.Seed0Runs[ni][m]);
                    var x = new double[rounds];
                    double sum = 0;
                    for (int k = 0; k < rounds; k++)
                    {
                        sum += perRound[k];
                        x[k] = sum;
                    }

                    axes.Add(new LineSeries(x, result.Seed0Suboptimality, AtaTableExperiment.Methods[m]) { Color = Palette.Series(m), WidthPx = 1.5 });
                }
            }

            written.Add(FigureWriter.Write(figure, Path.Combine(dir, $"{name}-{suffix}")));
        }

        return written;
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
