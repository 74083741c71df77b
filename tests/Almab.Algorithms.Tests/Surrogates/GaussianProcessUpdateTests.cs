using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Kernels;

namespace Almab.Algorithms.Tests.Surrogates;

/// <summary>Rank-one appends, fantasies, the likelihood gradient and jitter of <see cref="GaussianProcess"/>.</summary>
public sealed class GaussianProcessUpdateTests
{
    private const int D = 3;

    public static TheoryData<KernelFamily> Families() => new()
    {
        KernelFamily.SquaredExponential, KernelFamily.Matern12, KernelFamily.Matern32, KernelFamily.Matern52,
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void GradientMatchesCentralFiniteDifferences(KernelFamily family)
    {
        var (x, y) = Data(30, 7);
        var gp = new GaussianProcess(D, Options(family, GpMean.Constant, standardize: true));
        gp.Fit(x, y, optimizeHyperparameters: false);
        var theta = new[] { Math.Log(0.4), Math.Log(0.9), Math.Log(2.0), Math.Log(1.3), Math.Log(0.03) };
        var grad = new double[theta.Length];
        gp.EvaluateLogMarginalLikelihood(theta, grad);
        const double h = 1e-5;
        for (int p = 0; p < theta.Length; p++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[p] += h;
            minus[p] -= h;
            double fd = (gp.EvaluateLogMarginalLikelihood(plus, Span<double>.Empty)
                - gp.EvaluateLogMarginalLikelihood(minus, Span<double>.Empty)) / (2 * h);

            // Central differences have O(h^2) truncation and O(eps |LML| / h) rounding error: ~1e-9 here.
            Assert.True(Math.Abs(fd - grad[p]) <= 1e-6 * Math.Max(1.0, Math.Abs(fd)), $"{family} p={p}: analytic {grad[p]:R}, fd {fd:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void AddEqualsRefitWithTheExtraPoint(KernelFamily family)
    {
        var (x, y) = Data(25, 3);
        var incremental = new GaussianProcess(D, Options(family, GpMean.Zero, standardize: false));
        incremental.Fit(x[..20], y[..20], optimizeHyperparameters: false);
        for (int i = 20; i < 25; i++)
        {
            incremental.Add(x[i], y[i]);
        }

        var full = new GaussianProcess(D, Options(family, GpMean.Zero, standardize: false));
        full.Fit(x, y, optimizeHyperparameters: false);
        Assert.Equal(25, incremental.Count);
        AssertClose(full.LogMarginalLikelihood, incremental.LogMarginalLikelihood, 1e-11);
        AssertSamePredictions(full, incremental, Probe(), 1e-10);
    }

    [Fact]
    public void AddKeepsTheOutputTransformFrozenAtFit()
    {
        var (x, y) = Data(12, 5);
        var gp = new GaussianProcess(D, Options(KernelFamily.Matern52, GpMean.Constant, standardize: true));
        gp.Fit(x[..10], y[..10], optimizeHyperparameters: false);
        double mean = gp.TargetMean, scale = gp.TargetScale;
        gp.Add(x[10], 100.0);
        Assert.Equal(mean, gp.TargetMean);
        Assert.Equal(scale, gp.TargetScale);
    }

    [Fact]
    public void PopFantasyRestoresThePosteriorBitForBit()
    {
        var (x, y) = Data(20, 11);
        var gp = new GaussianProcess(D, Options(KernelFamily.Matern52, GpMean.Constant, standardize: true));
        gp.Fit(x, y, optimizeHyperparameters: true);
        var probe = Probe();
        var (m0, v0) = Predict(gp, probe);
        double lml0 = gp.LogMarginalLikelihood;
        var rng = new Rng(5);
        for (int k = 0; k < 4; k++)
        {
            var p = new[] { rng.NextDouble(), rng.NextDouble(), rng.NextDouble() };
            gp.PushFantasy(p, rng.NextGaussian());
        }

        Assert.Equal(4, gp.FantasyCount);
        for (int k = 0; k < 4; k++)
        {
            gp.PopFantasy();
        }

        var (m1, v1) = Predict(gp, probe);
        Assert.Equal(m0, m1);
        Assert.Equal(v0, v1);
        Assert.Equal(lml0, gp.LogMarginalLikelihood);
        Assert.Throws<InvalidOperationException>(() => gp.PopFantasy());
    }

    [Fact]
    public void KrigingBelieverFantasyEqualsRefitWithThePosteriorMean()
    {
        var (x, y) = Data(15, 13);
        var gp = new GaussianProcess(D, Options(KernelFamily.SquaredExponential, GpMean.Zero, standardize: false));
        gp.Fit(x, y, optimizeHyperparameters: false);
        var pending = new[] { 0.31, 0.77, 0.52 };
        var (mp, vp) = Predict(gp, new[] { pending });
        gp.PushFantasy(pending, mp[0]);

        var refit = new GaussianProcess(D, Options(KernelFamily.SquaredExponential, GpMean.Zero, standardize: false));
        refit.Fit([.. x, pending], [.. y, mp[0]], optimizeHyperparameters: false);
        AssertSamePredictions(refit, gp, Probe(), 1e-10);

        // Believing the mean leaves the mean there and shrinks the latent variance to
        // v sigma_n^2 / (v + sigma_n^2) (one-point Gaussian update).
        var (m2, v2) = Predict(gp, new[] { pending });
        AssertClose(mp[0], m2[0], 1e-12);
        double noise = gp.NoiseVariance;
        AssertClose(vp[0] * noise / (vp[0] + noise), v2[0], 1e-8);
        Assert.Throws<InvalidOperationException>(() => gp.Add(pending, 1.0));
    }

    [Fact]
    public void CovarianceDiagonalEqualsPredictedVariance()
    {
        var (x, y) = Data(18, 17);
        var gp = new GaussianProcess(D, Options(KernelFamily.Matern32, GpMean.Constant, standardize: true));
        gp.Fit(x, y, optimizeHyperparameters: false);
        var probe = Probe();
        var (_, v) = Predict(gp, probe);
        var cov = new double[probe.Length, probe.Length];
        gp.PredictCovariance(probe, probe, cov);
        for (int i = 0; i < probe.Length; i++)
        {
            AssertClose(v[i], cov[i, i], 1e-12);
            for (int j = 0; j < i; j++)
            {
                AssertClose(cov[i, j], cov[j, i], 1e-12);
            }
        }
    }

    [Fact]
    public void NoiselessDuplicatesNeedJitterAndInterpolate()
    {
        var (x, y) = Data(10, 19);
        var options = Options(KernelFamily.SquaredExponential, GpMean.Zero, standardize: false) with
        {
            InitialHyperparameters = GpHyperparameters.Isotropic(D, 0.5, 1.0, 0.0),
            OptimizeNoise = false,
        };
        var gp = new GaussianProcess(D, options);
        gp.Fit([.. x, x[0]], [.. y, y[0]], optimizeHyperparameters: false);
        Assert.True(gp.Jitter > 0.0);
        gp.Add(x[1], y[1]);
        var (m, v) = Predict(gp, new[] { x[2] });

        // Jitter is at most 1e-2 of the prior variance, so the fit at a training point is close, not exact.
        Assert.True(Math.Abs(m[0] - y[2]) < 0.05 * (1 + Math.Abs(y[2])), $"mean {m[0]} vs {y[2]}");
        Assert.True(v[0] >= 0.0 && v[0] < 0.02, $"variance {v[0]}");
    }

    [Fact]
    public void FarFromDataThePosteriorIsThePrior()
    {
        var (x, y) = Data(10, 23);
        var gp = new GaussianProcess(D, Options(KernelFamily.Matern12, GpMean.Constant, standardize: true));
        gp.Fit(x, y, optimizeHyperparameters: false);
        var (m, v) = Predict(gp, new[] { new[] { 1e4, 1e4, 1e4 } });
        AssertClose(gp.TargetMean, m[0], 1e-12);
        AssertClose(gp.Hyperparameters.SignalVariance * gp.TargetScale * gp.TargetScale, v[0], 1e-12);
    }

    [Fact]
    public void OptimisationIsDeterministicUnderTheSeed()
    {
        var (x, y) = Data(30, 29);
        var a = new GaussianProcess(D, Options(KernelFamily.Matern52, GpMean.Constant, standardize: true));
        var b = new GaussianProcess(D, Options(KernelFamily.Matern52, GpMean.Constant, standardize: true));
        a.Fit(x, y, optimizeHyperparameters: true);
        b.Fit(x, y, optimizeHyperparameters: true);
        Assert.Equal(a.Hyperparameters.LengthScales, b.Hyperparameters.LengthScales);
        Assert.Equal(a.LogMarginalLikelihood, b.LogMarginalLikelihood);
    }

    [Fact]
    public void GrowsPastItsInitialCapacityInHighDimension()
    {
        // d = 7 and 40 appends onto an unfitted model: storage grows from 16 points; the result must equal
        // a fit on the same data (zero mean, no standardization, so the transform plays no role).
        const int d = 7;
        var rng = new Rng(41);
        var x = new double[40][];
        var y = new double[40];
        var options = new GaussianProcessOptions
        {
            Mean = GpMean.Zero,
            Standardize = false,
            InitialHyperparameters = GpHyperparameters.Isotropic(d, 0.8, 1.0, 0.01),
        };
        var incremental = new GaussianProcess(d, options);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = new double[d];
            for (int j = 0; j < d; j++)
            {
                x[i][j] = rng.NextDouble();
            }

            y[i] = Math.Sin(4 * x[i][0]) + x[i][d - 1];
            incremental.Add(x[i], y[i]);
        }

        var full = new GaussianProcess(d, options);
        full.Fit(x, y, optimizeHyperparameters: false);
        var probe = new double[9][];
        for (int i = 0; i < probe.Length; i++)
        {
            probe[i] = new double[d];
            for (int j = 0; j < d; j++)
            {
                probe[i][j] = rng.NextDouble();
            }
        }

        AssertSamePredictions(full, incremental, probe, 1e-10);
        AssertClose(full.LogMarginalLikelihood, incremental.LogMarginalLikelihood, 1e-11);
    }

    [Fact]
    public void InvalidArgumentsAreRejectedWithTheirValue()
    {
        var gp = new GaussianProcess(D);
        var (x, y) = Data(5, 31);
        Assert.Throws<ArgumentException>(() => gp.Fit(x, y[..4], false));
        var ex = Assert.Throws<ArgumentException>(() => gp.Fit(x, [1, 2, 3, 4, double.NaN], false));
        Assert.Contains("NaN", ex.Message);
        Assert.Throws<ArgumentException>(() => gp.Add(new[] { 0.1, 0.2 }, 1.0));

        // A rejected Fit leaves the previous posterior untouched.
        gp.Fit(x, y, false);
        var (m0, v0) = Predict(gp, Probe());
        var (other, _) = Data(5, 77);
        other[4] = [0.5, double.NaN, 0.5];
        Assert.Throws<ArgumentException>(() => gp.Fit(other, y, false));
        gp.SetHyperparameters(gp.Hyperparameters); // rebuilds everything from the stored inputs
        var (m1, v1) = Predict(gp, Probe());
        Assert.Equal(m0, m1);
        Assert.Equal(v0, v1);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianProcess(D, new GaussianProcessOptions { Restarts = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GpHyperparameters([0.1, -1.0], 1.0, 0.1));
    }

    private static GaussianProcessOptions Options(KernelFamily family, GpMean mean, bool standardize) => new()
    {
        Kernel = family,
        Mean = mean,
        Standardize = standardize,
        Restarts = 2,
        InitialHyperparameters = new GpHyperparameters([0.3, 0.6, 1.1], 1.4, 0.02),
    };

    private static (double[][] X, double[] Y) Data(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var x = new double[n][];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = [rng.NextDouble(), rng.NextDouble(), rng.NextDouble()];
            y[i] = 2.0 + Math.Sin(5 * x[i][0]) + x[i][1] * x[i][2] + 0.05 * rng.NextGaussian();
        }

        return (x, y);
    }

    private static double[][] Probe()
    {
        var rng = new Rng(99);
        var p = new double[12][];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = [rng.NextDouble(), rng.NextDouble(), rng.NextDouble()];
        }

        return p;
    }

    private static (double[] Mean, double[] Variance) Predict(GaussianProcess gp, double[][] points)
    {
        var m = new double[points.Length];
        var v = new double[points.Length];
        gp.Predict(points, m, v);
        return (m, v);
    }

    private static void AssertSamePredictions(GaussianProcess expected, GaussianProcess actual, double[][] probe, double rel)
    {
        var (me, ve) = Predict(expected, probe);
        var (ma, va) = Predict(actual, probe);
        for (int i = 0; i < probe.Length; i++)
        {
            AssertClose(me[i], ma[i], rel);
            AssertClose(ve[i], va[i], rel);
        }
    }

    private static void AssertClose(double expected, double actual, double rel) =>
        Assert.True(Math.Abs(expected - actual) <= rel * Math.Max(Math.Abs(expected), 1e-300),
            $"expected {expected:R}, got {actual:R}");

    [Theory]
    [MemberData(nameof(Families))]
    public void Batch_prediction_is_position_independent_and_matches_the_scalar_covariance_path(KernelFamily family)
    {
        var (x, y) = Data(23, 5);
        var gp = new GaussianProcess(D, Options(family, GpMean.Constant, standardize: true));
        gp.Fit(x, y, optimizeHyperparameters: false);
        var (probe, _) = Data(7, 99);
        var mean = new double[probe.Length];
        var variance = new double[probe.Length];
        gp.Predict(probe, mean, variance);
        var cov = new double[probe.Length, probe.Length];
        gp.PredictCovariance(probe, probe, cov);
        for (int i = 0; i < probe.Length; i++)
        {
            // Panels of four: the same point gives the same bits alone, first, or in a partial last panel.
            var one = new double[1];
            var oneVar = new double[1];
            gp.Predict(new[] { probe[i] }, one, oneVar);
            Assert.Equal(mean[i], one[0]);
            Assert.Equal(variance[i], oneVar[0]);

            // PredictCovariance computes the diagonal with scalar solves: same quantity, other arithmetic.
            Assert.True(Math.Abs(cov[i, i] - variance[i]) <= 1e-10 * Math.Max(variance[i], 1e-6), $"{family} point {i}: {cov[i, i]:R} vs {variance[i]:R}");
        }
    }
}
