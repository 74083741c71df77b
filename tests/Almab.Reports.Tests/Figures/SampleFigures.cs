using Almab.Reports.Figures.Builders;
using Almab.Reports.Figures.Model;
using Almab.Reports.Statistics;

namespace Almab.Reports.Tests.Figures;

/// <summary>One deterministic sample of every figure kind, with synthetic but paper-shaped data.</summary>
internal static class SampleFigures
{
    public static readonly string[] Methods = ["ALMAB-DC (UCB)", "ALMAB-DC (TS)", "Optuna (TPE)", "Random"];

    public static IEnumerable<object[]> Names() => All().Keys.Select(k => new object[] { k });

    public static Dictionary<string, Figure> All()
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
        double[] doses = Enumerable.Range(0, 33).Select(i => 0.25 * i).ToArray();
        double Sig(double z) => 1 / (1 + Math.Exp(-z));
        double[] eff = doses.Select(x => Sig(-1.5 + 0.9 * x)).ToArray(), tox = doses.Select(x => Sig(-5 + 1.2 * x)).ToArray();
        double[] net = doses.Select((x, i) => eff[i] - 0.5 * tox[i]).ToArray();
        var field = new double[8, 8];
        for (int i = 0; i < 8; i++)
        {
            for (int j = 0; j < 8; j++)
            {
                field[i, j] = Math.Sin(j / 2.0) + Math.Cos(i / 3.0) + 0.2 * N();
            }
        }

        return new Dictionary<string, Figure>
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
            ["dose_response"] = DoseResponseFigures.Landscape(doses, ["Net benefit f(x)", "Efficacy p_eff(x)", "Toxicity p_tox(x)"], [net, eff, tox], 0, 3.5, net[14]),
            ["spatial_field"] = SpatialFieldFigures.Field(field, 0, 1, 0, 1, [0.0625, 0.9375, 0.0625, 0.9375, 0.4375], [0.0625, 0.0625, 0.9375, 0.9375, 0.5625], "Latent field f(s)"),
            ["critical_difference"] = CriticalDifferenceFigures.Diagram(["ALMAB-DC (UCB)", "ALMAB-DC (TS)", "Optuna (TPE)", "BOHB", "Random", "Grid"], [1.6, 2.1, 3.2, 3.6, 5.0, 5.5], 1.2, new FigureOptions(Title: "Critical difference (Nemenyi, α = 0.05)")),
            ["model_grid"] = ModelGrid(rng),
        };
    }

    /// <summary>Four small panels (2 x 2) exercising the raw model: step, scatter, log axis, annotations, markers.</summary>
    private static Figure ModelGrid(ReportsRandom rng)
    {
        var fig = new Figure(640, 440, "Model kinds") { Columns = 2 };
        double[] x = Enumerable.Range(0, 12).Select(i => (double)i).ToArray();
        Axes a = fig.AddAxes("Step and reference");
        a.Add(new LineSeries(x, x.Select(v => Math.Floor(v / 3)).ToArray(), "step") { Step = true });
        a.Add(new ReferenceLine(true, 5.5, "x = 5.5"));
        a.Labels("Round", "Level");
        Axes b = fig.AddAxes("Scatter");
        b.Add(new ScatterSeries(x.Select(_ => Normal(rng)).ToArray(), x.Select(_ => Normal(rng)).ToArray(), "triangles") { Marker = MarkerShape.Triangle });
        b.Add(new ScatterSeries(x.Select(_ => 2 + Normal(rng)).ToArray(), x.Select(_ => 2 + Normal(rng)).ToArray(), "diamonds") { Marker = MarkerShape.Diamond });
        b.Labels("z₁", "z₂");
        Axes c = fig.AddAxes("Log y");
        c.Y.Scale = AxisScale.Log10;
        c.Add(new LineSeries(x, x.Select(v => Math.Pow(10, -v / 3)).ToArray(), "10^(−x/3)") { Marker = MarkerShape.Circle, Style = LineStyle.DashDot });
        c.Annotate(new TextAnnotation(6, 0.01, "decade ticks") { OffsetXPx = 6 });
        c.Labels("x", "Error (log)");
        Axes d = fig.AddAxes("Negative bars");
        d.X.Categories = ["a", "b", "c"];
        d.Add(new BarSeries([-1.5, 0.8, 2.2], "one") { Errors = [0.3, 0.2, 0.4] });
        d.Add(new BarSeries([0.5, -0.7, 1.1], "two") { Hatched = true });
        d.Legend = LegendPlacement.BottomRight;
        return fig;
    }

    public static double U(ReportsRandom rng) => ((rng.NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    public static double Normal(ReportsRandom rng) => Math.Sqrt(-2 * Math.Log(U(rng))) * Math.Cos(2 * Math.PI * U(rng));
}
