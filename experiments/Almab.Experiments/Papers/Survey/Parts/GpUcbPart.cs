using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Kernels;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.Survey.Parts;

/// <summary>
/// GP-UCB's regret growth (survey 001 section 2.2; Srinivas et al. 2010): maximize the smooth bimodal
/// f(x) = exp(-(x - 0.3)^2 / 0.02) + 0.6 exp(-(x - 0.75)^2 / 0.01) on a grid of 201 points in [0, 1], observations with
/// N(0, 0.05^2) noise, T = 128 sequential steps. GP: squared-exponential kernel, zero mean, no standardization, fixed
/// hyperparameters (length 0.1, signal variance 1, noise variance 0.05^2: known, as in the theorem); the first point is
/// x = 0.5; beta_t = 2 ln(|D| t^2 pi^2 / (6 delta)) with delta = 0.1 (finite-domain Theorem 1). Regret r_t = f* - f(x_t).
/// The claim O(sqrt(T log T)) is checked as the per-replicate growth exponent of cumulative regret over [T/8, T], whose
/// median should not exceed 0.5 + 1 / (2 ln T) (the log factor's contribution to the local slope).
/// </summary>
public sealed class GpUcbPart : SurveyPart
{
    private const int Horizon = 128, GridSize = 201;
    private const double NoiseSd = 0.05;

    /// <inheritdoc />
    public override string Name => "gpucb";

    /// <inheritdoc />
    public override string Description => "GP-UCB cumulative regret growth exponent on a smooth 1-D function (T = 128, 201 candidates). About 1 min on 2 cores.";

    /// <inheritdoc />
    public override IReadOnlyList<CellKey> Cells(int replicates, SurveyOptions options) =>
        [.. Enumerable.Range(0, replicates).Select(r => new CellKey(CaseId, "gp-ucb", 1, Horizon, NoiseSd, r))];

    /// <summary>The test function.</summary>
    public static double F(double x) => Math.Exp(-(x - 0.3) * (x - 0.3) / 0.02) + 0.6 * Math.Exp(-(x - 0.75) * (x - 0.75) / 0.01);

    /// <inheritdoc />
    public override ReplicateResult Run(CellKey cell, Seed root)
    {
        var seed = ReplicateSeed(root, cell.Replicate);
        var noise = seed.Derive("noise").CreateRng();
        var grid = Enumerable.Range(0, GridSize).Select(i => new[] { i / (GridSize - 1.0) }).ToArray();
        double best = grid.Max(p => F(p[0]));
        var gp = new GaussianProcess(1, new GaussianProcessOptions
        {
            Kernel = KernelFamily.SquaredExponential,
            Mean = GpMean.Zero,
            Standardize = false,
            InitialHyperparameters = GpHyperparameters.Isotropic(1, 0.1, 1.0, NoiseSd * NoiseSd),
        });
        var xs = new List<double[]>();
        var ys = new List<double>();
        var mean = new double[GridSize];
        var variance = new double[GridSize];
        var checkpoints = SurveyResults.Checkpoints(cell.Budget).ToHashSet();
        var curve = new List<(double, double, double, double)>();
        double regret = 0;
        var clock = Stopwatch.StartNew();
        for (int t = 1; t <= cell.Budget; t++)
        {
            int pick = GridSize / 2;
            if (t > 1)
            {
                gp.Fit(xs, ys, optimizeHyperparameters: false);
                gp.Predict(grid, mean, variance);
                double beta = 2 * Math.Log(GridSize * (double)t * t * Math.PI * Math.PI / (6 * 0.1));
                double bestScore = double.NegativeInfinity;
                for (int i = 0; i < GridSize; i++)
                {
                    double score = mean[i] + Math.Sqrt(beta * Math.Max(variance[i], 0));
                    if (score > bestScore)
                    {
                        (bestScore, pick) = (score, i);
                    }
                }
            }

            double x = grid[pick][0];
            regret += best - F(x);
            xs.Add(grid[pick]);
            ys.Add(F(x) + NoiseSd * noise.NextGaussian());
            if (checkpoints.Contains(t))
            {
                curve.Add((t, regret, double.NaN, 0.0));
            }
        }

        return SurveyResults.Make(cell, seed.Value, "cumulative-regret", regret, regret, cell.Budget, clock.Elapsed.TotalSeconds, curve);
    }

    /// <inheritdoc />
    public override SurveyPartReport Report(IReadOnlyList<ReplicateResult> results)
    {
        var md = new StringBuilder("## GP-UCB regret growth (survey section 2.2)\n\n");
        var finals = SurveyStatistics.MedianIqr(results.Select(r => r.FinalMetric).ToArray());
        md.AppendLine(CultureInfo.InvariantCulture, $"{results.Count} replicates, T = {Horizon}: final cumulative regret median {SurveyResults.G(finals.Median)} [IQR {SurveyResults.G(finals.Q1)}, {SurveyResults.G(finals.Q3)}]; sqrt(T ln T) = {SurveyResults.G(Math.Sqrt(Horizon * Math.Log(Horizon)))}.");
        var exps = results.Select(BanditCurves.Exponent).Where(double.IsFinite).ToList();
        var verdicts = new List<SurveyVerdict>();
        if (exps.Count >= 2)
        {
            var (m, lo, hi) = SurveyStatistics.MedianCi(exps);
            double allowed = 0.5 + 1 / (2 * Math.Log(Math.Sqrt(Horizon * (Horizon / 8.0))));
            md.AppendLine(CultureInfo.InvariantCulture, $"Growth exponent of cumulative regret over [T/8, T]: median {SurveyResults.G(m)} (95 % CI [{SurveyResults.G(lo)}, {SurveyResults.G(hi)}]); sqrt(T log T) allows {SurveyResults.G(allowed)} here.");
            verdicts.Add(new SurveyVerdict(SurveyClaim.Get("gp-ucb-rate"), m, lo, hi,
                hi <= allowed ? "consistent" : lo > allowed ? "not reproduced" : "inconclusive",
                hi <= allowed ? $"the exponent's CI lies below {SurveyResults.G(allowed)} (0.5 plus the log factor's local slope)" : $"the exponent's CI is not below {SurveyResults.G(allowed)}"));
        }

        var csv = new StringBuilder("t,regret_median,regret_q1,regret_q3\n");
        var series = SurveyResults.Series("gpucb-regret", "GP-UCB", results.OrderBy(r => r.Cell.Replicate).ToList(), "T", "cumulative regret");
        for (int i = 0; i < series.X.Length; i++)
        {
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{series.X[i]},{series.Median[i]},{series.Q1[i]},{series.Q3[i]}"));
        }

        return new SurveyPartReport(md.ToString(), csv.ToString(), verdicts, [series]);
    }
}
