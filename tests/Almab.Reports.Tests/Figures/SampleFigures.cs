using Almab.Reports.Figures;
using Almab.Reports.Figures.Builders;
using Almab.Reports.Statistics;
using ScottPlot;

namespace Almab.Reports.Tests.Figures;

/// <summary>One deterministic sample of every figure kind, with synthetic but paper-shaped data.</summary>
internal static class SampleFigures
{
    public static readonly string[] Methods = ["ALMAB-DC (UCB)", "ALMAB-DC (TS)", "Optuna (TPE)", "Random"];

    public static IEnumerable<object[]> Names() => All().Keys.Select(k => new object[] { k });

    public static Dictionary<string, ChartGrid> All()
    {
        var rng = new ReportsRandom(20240601);
        double N() => Normal(rng);
        double[][][] runs = Methods.Select((_, m) => Enumerable.Range(0, 30).Select(_ =>
            Enumerable.Range(1, 60).Select(t => 0.93 - (0.3 + 0.08 * m) * Math.Exp(-t / (8.0 + 6 * m)) + 0.02 * N()).ToArray()).ToArray()).ToArray();
        double[][][] times = Methods.Select((_, m) => Enumerable.Range(0, 30).Select(_ =>
        {
            double c = 0;
            return Enumerable.Range(1, 60).Select(_ => c += (1 + 0.3 * m) * -Math.Log(1 - U(rng))).ToArray();
        }).ToArray()).ToArray();
        double[][][] regret = Methods.Select((_, m) => Enumerable.Range(0, 20).Select(_ =>
            Enumerable.Range(1, 200).Select(t => Math.Max(0, (0.5 + 0.4 * m) / Math.Sqrt(t) + 0.05 * N())).ToArray()).ToArray()).ToArray();
        double[] budgets = [20, 30, 40, 60, 80];
        double[][][] budgetRuns = Methods.Select((_, m) => budgets.Select(b =>
            Enumerable.Range(0, 25).Select(_ => 0.93 - (0.1 + 0.03 * m) * Math.Exp(-b / 30) + 0.01 * N()).ToArray()).ToArray()).ToArray();
        double[] noise = [0, 0.01, 0.02, 0.04];
        double[][][] noiseRuns = Methods.Select((_, m) => noise.Select(s =>
            Enumerable.Range(0, 25).Select(_ => 0.92 - (0.2 + 0.8 * m) * s + 0.005 * N()).ToArray()).ToArray()).ToArray();
        double[][][] ablation = new[] { 0.925, 0.91, 0.895 }.Select(v => new[] { 0.0, 1, 2 }.Select(c =>
            Enumerable.Range(0, 25).Select(_ => v - 0.02 * c + 0.006 * N()).ToArray()).ToArray()).ToArray();
        double[][] means = runs.Select(r => CurveStatistics.Summarize(r.Select(x => CurveStatistics.BestSoFar(x, OptimizationGoal.Maximize)).ToArray(), BandKind.MeanSd).Center).ToArray();
        return new Dictionary<string, ChartGrid>
        {
            ["convergence"] = ConvergenceFigures.BestSoFar(Methods, runs, OptimizationGoal.Maximize, BandKind.MeanSd, "Best validation accuracy"),
            ["convergence_time"] = ConvergenceFigures.BestSoFarOverTime(Methods, times, runs, OptimizationGoal.Maximize, BandKind.MedianIqr, "Best validation accuracy"),
            ["regret"] = RegretFigures.CumulativeRegret(Methods, regret, BandKind.MeanSd),
            ["regret_log"] = RegretFigures.CumulativeRegret(Methods, regret, BandKind.MedianIqr, logRounds: true),
            ["speedup"] = ScalingFigures.Speedup(["Case 1 (CIFAR-10)", "Case 2 (CFD)", "Case 3 (MuJoCo)"], [1, 2, 4, 8, 16], [[1, 1.86, 3.4, 5.3, 7.5], [1, 1.8, 3.1, 4.6, 5.8], [1, 1.9, 3.5, 5.6, 7.9]], fitMaxK: 4),
            ["budget"] = SensitivityFigures.Budget(Methods, budgets, budgetRuns, "Best validation accuracy", advantageOf: 0, over: 2),
            ["noise"] = SensitivityFigures.Noise(Methods, noise, noiseRuns, "Best validation accuracy"),
            ["ablation"] = AblationFigures.Bars(["ALMAB-DC (full)", "No MAB (AL only)", "No AL (MAB only)"], ["CIFAR-10", "CFD drag", "MuJoCo"], ablation, "Final metric"),
            ["convergence_rate"] = ConvergenceRateFigures.ConvergenceRate(Methods, means, [0.88, 0.91], 0.99, OptimizationGoal.Maximize, "Mean best accuracy"),
            ["critical_difference"] = CriticalDifferenceFigures.Diagram(["ALMAB-DC (UCB)", "ALMAB-DC (TS)", "Optuna (TPE)", "BOHB", "Random", "Grid"], [1.6, 2.1, 3.2, 3.6, 5.0, 5.5], 1.2, new FigureOptions(Title: "Critical difference (Nemenyi, α = 0.05)")),
            ["model_grid"] = ModelGrid(rng),
        };
    }

    /// <summary>Six small panels (3 x 2) exercising the chart kinds: step, scatter, log axis, annotations, markers, bars, heatmap.</summary>
    private static ChartGrid ModelGrid(ReportsRandom rng)
    {
        var grid = new ChartGrid(960, 640, "Chart kinds", columns: 3);
        double[] x = [.. Enumerable.Range(0, 12).Select(i => (double)i)];
        grid.AddChart("Step and reference").Line(x, [.. x.Select(v => Math.Floor(v / 3))], "step", step: true)
            .VerticalLine(5.5, "x = 5.5").Labels("Round", "Level");
        grid.AddChart("Scatter").Points([.. x.Select(_ => Normal(rng))], [.. x.Select(_ => Normal(rng))], "triangles", marker: MarkerShape.FilledTriangleUp)
            .Points([.. x.Select(_ => 2 + Normal(rng))], [.. x.Select(_ => 2 + Normal(rng))], "diamonds", marker: MarkerShape.FilledDiamond).Labels("z₁", "z₂");
        grid.AddChart("Log y").LogScaleY().Line(x, [.. x.Select(v => Math.Pow(10, -v / 3))], "10^(−x/3)", marker: MarkerShape.FilledCircle, pattern: LinePattern.DenselyDashed)
            .Text(6, 0.01, "decade ticks", offsetX: 6).Labels("x", "Error (log)");
        Chart bars = grid.AddChart("Negative bars").Bars(["a", "b", "c"], new BarGroup("one", [-1.5, 0.8, 2.2], Errors: [0.3, 0.2, 0.4]), new BarGroup("two", [0.5, -0.7, 1.1], Hatched: true));
        bars.Legend = ChartLegend.LowerRight;
        var field = new double[8, 8];
        for (int i = 0; i < 8; i++)
        {
            for (int j = 0; j < 8; j++)
            {
                field[i, j] = Math.Sin(j / 2.0) + Math.Cos(i / 3.0) + 0.2 * Normal(rng);
            }
        }

        Chart map = grid.AddChart("Field").Heatmap(field, 0, 1, 0, 1, "f(s)").EqualAspect().NoGrid()
            .Points([0.0625, 0.9375, 0.0625, 0.9375, 0.4375], [0.0625, 0.0625, 0.9375, 0.9375, 0.5625], "sampled", ChartPalette.Black, MarkerShape.FilledSquare, 10, outline: true);
        map.Legend = ChartLegend.Below;
        double[] doses = [.. Enumerable.Range(0, 33).Select(i => 0.25 * i)];
        grid.AddChart("Dose response").Line(doses, [.. doses.Select(d => 1 / (1 + Math.Exp(1.5 - 0.9 * d)))], "p_eff(x)", pattern: LinePattern.Dashed)
            .Line(doses, [.. doses.Select(d => 1 / (1 + Math.Exp(5 - 1.2 * d)))], "p_tox(x)", pattern: LinePattern.Dashed)
            .VerticalLine(3.5, "x* = 3.5", ChartPalette.BluishGreen, LinePattern.Solid).Labels("Dose x", "Probability");
        return grid;
    }

    public static double U(ReportsRandom rng) => ((rng.NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    public static double Normal(ReportsRandom rng) => Math.Sqrt(-2 * Math.Log(U(rng))) * Math.Cos(2 * Math.PI * U(rng));
}
