using Almab.Reports.Figures;

namespace Almab.Experiments.Papers.Ata;

/// <summary>Figures like the ATA paper's Figures 1-3: per n, suboptimality against runtime and total worker time, average iteration time, averaged regret; and the section 7.2 regret.</summary>
public static class AtaFigures
{
    /// <summary>
    /// Writes a Figure-1-like figure of a table from seed 0's runs: one row per n; columns suboptimality against
    /// runtime, against total worker time, average iteration time C_k / k, and averaged proxy regret R_k / k.
    /// </summary>
    public static ChartFiles Table(string name, string title, IReadOnlyList<int> workerCounts, AtaTableResult result, string dir)
    {
        var figure = new ChartGrid(1700, 40 + 360 * workerCounts.Count, $"{title} (seed 0)", columns: 4);
        foreach (int n in workerCounts)
        {
            var runtime = figure.AddChart($"n = {n}").Labels("Runtime (s)", "f(x) − f*").LogScaleX().LogScaleY();
            var worker = figure.AddChart($"n = {n}").Labels("Total worker time (s)", "f(x) − f*").LogScaleX().LogScaleY();
            var iteration = figure.AddChart($"n = {n}").Labels("Round k", "C_k / k (s)").LogScaleX();
            var regret = figure.AddChart($"n = {n}").Labels("Round k", "R_k / k (s)").LogScaleX();
            for (int m = 0; m < AtaTableExperiment.Methods.Length; m++)
            {
                var c = result.Curves.First(c => c.Workers == n && c.Replicate == 0 && c.Method == AtaTableExperiment.Methods[m]);
                double[] k = [.. c.Rounds.Select(r => (double)r)];
                var color = ChartPalette.Series(m);
                runtime.Line(c.RuntimeSeconds, c.Suboptimality, c.Method, color, width: 1.5f);
                worker.Line(c.WorkerSeconds, c.Suboptimality, c.Method, color, width: 1.5f);
                iteration.Line(k, [.. c.RuntimeSeconds.Select((v, i) => v / k[i])], c.Method, color, width: 1.5f);
                if (m > 0)
                {
                    regret.Line(k, [.. c.CumulativeRegret.Select((v, i) => v / k[i])], c.Method, color, width: 1.5f);
                }
            }
        }

        return figure.Save(Path.Combine(dir, name));
    }

    /// <summary>Cumulative regret (mean ± sd over seeds) against rounds on a log axis, and averaged regret R_k / k.</summary>
    public static ChartFiles Regret(IReadOnlyList<AtaRegretCurve> curves, string dir)
    {
        var figure = new ChartGrid(1100, 480, "ATA section 7.2: regret, n = 20, B = 5, task times Exp(2i)", columns: 2);
        var cumulative = figure.AddChart("cumulative regret").Labels("Round k", "R_k (s)").LogScaleX();
        var averaged = figure.AddChart("averaged regret").Labels("Round k", "R_k / k (s)").LogScaleX();
        for (int m = 0; m < curves.Count; m++)
        {
            var c = curves[m];
            double[] x = [.. c.Rounds.Select(r => (double)r)];
            var color = ChartPalette.Series(m + 1);
            cumulative.Band(x, [.. c.MeanRegret.Select((v, i) => v - c.SdRegret[i])], [.. c.MeanRegret.Select((v, i) => v + c.SdRegret[i])], color);
            cumulative.Line(x, c.MeanRegret, c.Method, color);
            averaged.Line(x, [.. c.MeanRegret.Select((v, i) => v / c.Rounds[i])], c.Method, color);
        }

        return figure.Save(Path.Combine(dir, "regret"));
    }
}
