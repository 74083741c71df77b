using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Tests.Surrogates;

/// <summary>
/// Contract every <see cref="ISurrogate"/> must satisfy (ARCHITECTURE: one abstract suite per interface):
/// counts follow Fit/Add/PushFantasy/PopFantasy, variances are non-negative, a pushed-then-popped fantasy
/// leaves predictions unchanged, observing a point shrinks its variance, the covariance diagonal is the
/// variance, and malformed calls throw. Implementations derive and supply <see cref="Create"/>.
/// </summary>
public abstract class SurrogateContractTests
{
    /// <summary>A fresh surrogate over <paramref name="dimension"/> inputs.</summary>
    protected abstract ISurrogate Create(int dimension);

    [Fact]
    public void CountsFollowFitAddAndFantasies()
    {
        var s = Create(2);
        var (x, y) = Data(8, 2, 1);
        s.Fit(x, y, optimizeHyperparameters: true);
        Assert.Equal(2, s.Dimension);
        Assert.Equal(8, s.Count);
        s.Add([0.5, 0.5], 1.0);
        Assert.Equal(9, s.Count);
        s.PushFantasy([0.1, 0.9], 0.0);
        s.PushFantasy([0.9, 0.1], 0.0);
        Assert.Equal(11, s.Count);
        s.PopFantasy();
        s.PopFantasy();
        Assert.Equal(9, s.Count);
        Assert.Throws<InvalidOperationException>(() => s.PopFantasy());
    }

    [Fact]
    public void FantasyRoundTripLeavesPredictionsUnchanged()
    {
        var s = Create(2);
        var (x, y) = Data(10, 2, 2);
        s.Fit(x, y, optimizeHyperparameters: true);
        var (probe, _) = Data(7, 2, 3);
        var (m0, v0) = Predict(s, probe);
        s.PushFantasy(probe[0], m0[0]);
        var (_, vf) = Predict(s, probe);
        s.PopFantasy();
        var (m1, v1) = Predict(s, probe);
        Assert.Equal(m0, m1);
        Assert.Equal(v0, v1);
        Assert.True(vf[0] < v0[0], "a fantasy at a point must reduce its variance");
    }

    [Fact]
    public void VariancesAreNonNegativeAndMatchTheCovarianceDiagonal()
    {
        var s = Create(3);
        var (x, y) = Data(15, 3, 4);
        s.Fit(x, y, optimizeHyperparameters: false);
        var (probe, _) = Data(9, 3, 5);
        probe[0] = x[0];
        var (_, v) = Predict(s, probe);
        var cov = new double[probe.Length, probe.Length];
        s.PredictCovariance(probe, probe, cov);
        for (int i = 0; i < probe.Length; i++)
        {
            Assert.True(v[i] >= 0.0);
            Assert.True(Math.Abs(cov[i, i] - v[i]) <= 1e-10 * Math.Max(v[i], 1e-12), $"diag {cov[i, i]:R} vs {v[i]:R}");
        }

        Assert.True(s.NoiseVariance >= 0.0);
    }

    [Fact]
    public void MalformedCallsThrow()
    {
        var s = Create(2);
        var (x, y) = Data(5, 2, 6);
        Assert.ThrowsAny<ArgumentException>(() => s.Fit(x, y[..3], false));
        s.Fit(x, y, false);
        Assert.ThrowsAny<ArgumentException>(() => s.Add([0.1, 0.2, 0.3], 0.0));
        Assert.ThrowsAny<ArgumentException>(() => s.Add([0.1, 0.2], double.PositiveInfinity));
        Assert.ThrowsAny<ArgumentException>(() => s.PredictCovariance(x, x, new double[2, 2]));
    }

    private static (double[][] X, double[] Y) Data(int n, int d, ulong seed)
    {
        var rng = new Rng(seed);
        var x = new double[n][];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = new double[d];
            double s = 0.0;
            for (int j = 0; j < d; j++)
            {
                x[i][j] = rng.NextDouble();
                s += Math.Sin(3.0 * x[i][j]);
            }

            y[i] = s + 0.05 * rng.NextGaussian();
        }

        return (x, y);
    }

    private static (double[] Mean, double[] Variance) Predict(ISurrogate s, double[][] points)
    {
        var m = new double[points.Length];
        var v = new double[points.Length];
        s.Predict(points, m, v);
        return (m, v);
    }
}
