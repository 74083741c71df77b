using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Tests.Surrogates;

/// <summary>
/// GaussianProcess against scikit-learn's GaussianProcessRegressor (fixtures from
/// Fixtures/Gp/make_gp_fixtures.py, which documents the convention mapping).
/// </summary>
public sealed class GaussianProcessSklearnTests
{
    private const double Rel = 1e-8;

    public static TheoryData<int> FixedCases() => Indices("gp_fixed.json");

    public static TheoryData<int> OptimizedCases() => Indices("gp_optimized.json");

    [Theory]
    [MemberData(nameof(FixedCases))]
    public void FixedHyperparametersMatchLikelihoodMeanAndStd(int index)
    {
        var c = GpFixtures.Cases("gp_fixed.json")[index];
        var gp = GpFixtures.FixedModel(c);
        string name = GpFixtures.Name(c);
        AssertRelative(c.GetProperty("logMarginalLikelihood").GetDouble(), gp.LogMarginalLikelihood, Rel, name + " LML");

        var xs = GpFixtures.Matrix(c, "xTest");
        var mean = new double[xs.Length];
        var variance = new double[xs.Length];
        gp.Predict(xs, mean, variance);
        var refMean = GpFixtures.Vector(c, "mean");
        var refStd = GpFixtures.Vector(c, "std");
        var refLatent = GpFixtures.Vector(c, "latentVariance");
        double white = c.GetProperty("whiteVarianceOriginalScale").GetDouble();
        for (int i = 0; i < xs.Length; i++)
        {
            AssertRelative(refMean[i], mean[i], Rel, $"{name} mean[{i}]");
            AssertRelative(refLatent[i], variance[i], Rel, $"{name} latent variance[{i}]");

            // sklearn's std includes the WhiteKernel level; ours plus NoiseVariance is the same quantity.
            AssertRelative(refStd[i], Math.Sqrt(variance[i] + white), Rel, $"{name} std[{i}]");
        }

        if (white > 0.0)
        {
            AssertRelative(white, gp.NoiseVariance, 1e-14, name + " noise on original scale");
        }
    }

    [Theory]
    [MemberData(nameof(FixedCases))]
    public void PosteriorCovarianceMatchesSklearnLatentCovariance(int index)
    {
        var c = GpFixtures.Cases("gp_fixed.json")[index];
        var gp = GpFixtures.FixedModel(c);
        var xs = GpFixtures.Matrix(c, "xTest");
        var cov = new double[xs.Length, xs.Length];
        gp.PredictCovariance(xs, xs, cov);
        var reference = GpFixtures.Matrix(c, "latentCovariance");
        for (int i = 0; i < xs.Length; i++)
        {
            for (int j = 0; j < xs.Length; j++)
            {
                // Off-diagonal entries can be near 0: scale the tolerance by the entry's natural size sqrt(v_i v_j).
                double scale = Math.Sqrt(reference[i][i] * reference[j][j]);
                Assert.True(Math.Abs(cov[i, j] - reference[i][j]) <= Rel * scale,
                    $"{GpFixtures.Name(c)} cov[{i},{j}] = {cov[i, j]:R}, sklearn {reference[i][j]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(FixedCases))]
    public void LikelihoodGradientMatchesSklearn(int index)
    {
        var c = GpFixtures.Cases("gp_fixed.json")[index];
        var gp = GpFixtures.FixedModel(c);
        var ls = GpFixtures.Vector(c, "lengthScales");
        var theta = new double[ls.Length + 2];
        for (int j = 0; j < ls.Length; j++)
        {
            theta[j] = Math.Log(ls[j]);
        }

        theta[ls.Length] = Math.Log(c.GetProperty("signalVariance").GetDouble());
        theta[ls.Length + 1] = Math.Log(c.GetProperty("noiseVariance").GetDouble());
        var grad = new double[theta.Length];
        double lml = gp.EvaluateLogMarginalLikelihood(theta, grad);
        AssertRelative(c.GetProperty("gradientLml").GetDouble(), lml, Rel, GpFixtures.Name(c) + " LML");
        var reference = GpFixtures.Vector(c, "gradient");
        double norm = 0.0;
        foreach (double g in reference)
        {
            norm = Math.Max(norm, Math.Abs(g));
        }

        for (int p = 0; p < reference.Length; p++)
        {
            Assert.True(Math.Abs(grad[p] - reference[p]) <= 1e-7 * norm,
                $"{GpFixtures.Name(c)} dLML/dtheta[{p}] = {grad[p]:R}, sklearn {reference[p]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(OptimizedCases))]
    public void OptimizedLikelihoodIsAtLeastSklearns(int index)
    {
        var c = GpFixtures.Cases("gp_optimized.json")[index];
        bool normalize = c.GetProperty("normalizeY").GetBoolean();
        var x = GpFixtures.Matrix(c, "x");
        int d = x[0].Length;
        var options = new GaussianProcessOptions
        {
            Kernel = GpFixtures.Kernel(c),
            Mean = normalize ? GpMean.Constant : GpMean.Zero,
            Standardize = normalize,
            Restarts = c.GetProperty("restarts").GetInt32(),
            LengthScaleBounds = GpFixtures.Bounds(c, "lengthScaleBounds"),
            SignalVarianceBounds = GpFixtures.Bounds(c, "signalVarianceBounds"),
            NoiseVarianceBounds = GpFixtures.Bounds(c, "noiseVarianceBounds"),
            InitialHyperparameters = GpHyperparameters.Isotropic(
                d, c.GetProperty("initialLengthScale").GetDouble(), c.GetProperty("initialSignalVariance").GetDouble(),
                c.GetProperty("initialNoiseVariance").GetDouble()),
        };
        var gp = new GaussianProcess(d, options);
        gp.Fit(x, GpFixtures.Vector(c, "y"), optimizeHyperparameters: true);
        double sk = c.GetProperty("sklearnLogMarginalLikelihood").GetDouble();

        // Our final polish converges well past scipy's stopping point (pgtol 1e-5, factr 1e7), so only the
        // rounding of the likelihood evaluation itself (1e-12 relative) is allowed.
        Assert.True(gp.LogMarginalLikelihood >= sk - 1e-12 * Math.Max(1.0, Math.Abs(sk)),
            $"{GpFixtures.Name(c)}: Almab LML {gp.LogMarginalLikelihood:R} < sklearn {sk:R}");
    }

    private static TheoryData<int> Indices(string file)
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < GpFixtures.Cases(file).Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static void AssertRelative(double expected, double actual, double rel, string what) =>
        Assert.True(Math.Abs(actual - expected) <= rel * Math.Abs(expected),
            $"{what}: got {actual:R}, expected {expected:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2})");
}
