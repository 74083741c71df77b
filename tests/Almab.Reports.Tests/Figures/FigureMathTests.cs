using System.Text.Json;
using Almab.Reports.Figures.Builders;
using Almab.Reports.Statistics;

namespace Almab.Reports.Tests.Figures;

/// <summary>Heatmap colour map and fits against matplotlib / scipy / numpy references (Fixtures/figures/make_figure_fixtures.py).</summary>
public sealed class FigureMathTests
{
    private static JsonElement Fixture(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "figures", file))).RootElement.Clone();

    [Fact]
    public void Heatmap_colour_map_is_matplotlibs_viridis()
    {
        JsonElement f = Fixture("viridis.json");
        double[] t = f.GetProperty("t").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        JsonElement rgb = f.GetProperty("rgb");
        var viridis = new ScottPlot.Colormaps.Viridis();
        double worst = 0;
        for (int i = 0; i < t.Length; i++)
        {
            ScottPlot.Color c = viridis.GetColor(t[i]);
            worst = Math.Max(worst, Math.Abs(c.R - 255 * rgb[i][0].GetDouble()));
            worst = Math.Max(worst, Math.Abs(c.G - 255 * rgb[i][1].GetDouble()));
            worst = Math.Max(worst, Math.Abs(c.B - 255 * rgb[i][2].GetDouble()));
        }

        // ScottPlot's own viridis table against matplotlib's 256 entries: measured worst 3.6/255 (table lookup and byte
        // rounding); 4/255 is below what the eye tells apart, while any other colour map is off by tens of levels.
        Assert.True(worst <= 4, $"worst channel error {worst}/255");
    }

    [Fact]
    public void Amdahl_fit_matches_scipy_curve_fit()
    {
        foreach (JsonElement c in Fixture("fits.json").GetProperty("amdahl").EnumerateArray())
        {
            double[] k = c.GetProperty("k").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            double[] s = c.GetProperty("speedup").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(c.GetProperty("p").GetDouble(), AmdahlFit.SerialFraction(k, s), 6);
        }
    }

    [Fact]
    public void Amdahl_fit_recovers_an_exact_serial_fraction_and_respects_max_k()
    {
        double[] k = [1, 2, 4, 8, 16];
        double[] s = k.Select(x => AmdahlFit.Speedup(0.08, x)).ToArray();
        s[4] = 2; // an outlier beyond the fitted range must not matter
        Assert.Equal(0.08, AmdahlFit.SerialFraction(k, s, maxK: 8), 9);
        Assert.Equal(16, AmdahlFit.Speedup(0, 16), 12);
    }

    [Fact]
    public void Exponential_gap_fit_matches_numpy_polyfit()
    {
        foreach (JsonElement c in Fixture("fits.json").GetProperty("expgap").EnumerateArray())
        {
            double[] t = c.GetProperty("t").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            double[] f = c.GetProperty("f").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            ExponentialGapFit fit = ExponentialGapFit.Fit(t, f, c.GetProperty("asymptote").GetDouble(), OptimizationGoal.Maximize);
            Assert.Equal(c.GetProperty("lambda").GetDouble(), fit.Lambda, 9);
            Assert.Equal(c.GetProperty("c").GetDouble(), fit.C, 9);
            Assert.Equal(c.GetProperty("r2").GetDouble(), fit.RSquared, 9);
        }

        double[] tt = [1, 2, 3, 4];
        double[] down = tt.Select(x => 0.05 + 2 * Math.Exp(-0.3 * x)).ToArray();
        ExponentialGapFit m = ExponentialGapFit.Fit(tt, down, 0.05, OptimizationGoal.Minimize);
        Assert.Equal(0.3, m.Lambda, 12);
        Assert.Equal(2, m.C, 12);
    }

    [Fact]
    public void Best_so_far_summaries_and_step_resampling()
    {
        Assert.Equal([double.NaN, 3, 3, 1, 1], CurveStatistics.BestSoFar([double.NaN, 3, 4, 1, 2], OptimizationGoal.Minimize));
        Assert.Equal([3, 4, 4, 4], CurveStatistics.BestSoFar([3, 4, 1, 2], OptimizationGoal.Maximize));
        Assert.Equal([1, 3, 6], CurveStatistics.Cumulative([1, 2, 3]));

        double[][] reps = [[1, 5], [2, 7], [4, 6], [3]];
        (double[] med, double[] q1, double[] q3) = CurveStatistics.Summarize(reps, BandKind.MedianIqr);
        double[] col0 = [1, 2, 3, 4];
        Assert.Equal(Descriptive.Percentile(col0, 50), med[0], 12);
        Assert.Equal(1.75, q1[0], 12); // numpy.percentile([1,2,3,4], 25)
        Assert.Equal(3.25, q3[0], 12);
        Assert.Equal(6, med[1], 12);
        (double[] mean, double[] lo, double[] hi) = CurveStatistics.Summarize(reps, BandKind.MeanSd);
        Assert.Equal(2.5, mean[0], 12);
        Assert.Equal(2.5 - Math.Sqrt(5.0 / 3), lo[0], 12);
        Assert.Equal(2.5 + Math.Sqrt(5.0 / 3), hi[0], 12);

        double[] r = CurveStatistics.ResampleStep([2, 1, 3], [20, 10, 30], [0, 1, 1.5, 2, 10]);
        Assert.Equal([double.NaN, 10, 10, 20, 30], r);
    }

    [Fact]
    public void Evaluations_to_threshold_is_the_first_crossing()
    {
        Assert.Equal(3, ConvergenceRateFigures.EvaluationsToThreshold([0.1, 0.5, 0.9, 0.95], 0.88, OptimizationGoal.Maximize));
        Assert.Equal(-1, ConvergenceRateFigures.EvaluationsToThreshold([0.1, 0.5], 0.88, OptimizationGoal.Maximize));
        Assert.Equal(2, ConvergenceRateFigures.EvaluationsToThreshold([0.3, 0.1], 0.2, OptimizationGoal.Minimize));
    }
}
