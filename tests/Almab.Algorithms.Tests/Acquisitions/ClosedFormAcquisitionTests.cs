using Almab.Algorithms.Acquisitions;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.Acquisitions;

/// <summary>EI, PI, UCB and max-variance against closed forms (reference values from mpmath).</summary>
public sealed class ClosedFormAcquisitionTests
{
    // best, mu, sd, xi, EI, PI with I = best - xi - mu, z = I / sd, EI = I Phi(z) + sd phi(z), PI = Phi(z), computed
    // with mpmath at 50 digits (the float64 formula loses ~1e-11 relative accuracy at z = -20 by cancellation).
    // z = -3.9, -4.1 and -4.5 straddle the switch to the continued fraction.
    private static readonly double[][] Cases =
    [
        [0.0, -1.0, 1.0, 0.0, 1.0833154705876863, 8.4134474606854295e-1],
        [1.0, 1.5, 0.3, 0.0, 5.9479655014172498e-3, 4.7790352272814702e-2],
        [2.0, 0.5, 2.0, 0.1, 1.6857587536212203, 7.5803634777692698e-1],
        [-3.0, -2.0, 0.05, 0.0, 6.850062473648053e-92, 2.753624118606295e-89],
        [0.0, 0.45, 0.1, 0.0, 6.9421204562020314e-8, 3.3976731247300626e-6],
        [0.0, 0.39, 0.1, 0.0, 1.1079729724122018e-6, 4.8096344017602734e-5],
        [0.0, 0.41, 0.1, 0.0, 4.5658788356912457e-7, 2.0657506912546781e-5],
    ];

    [Fact]
    public void ExpectedImprovementAndProbabilityOfImprovementMatchHighPrecisionValues()
    {
        foreach (var c in Cases)
        {
            var model = new FixedPosterior([c[1]], [c[2] * c[2]]);
            var context = new AcquisitionContext(c[0], 1, new Rng(1));
            var ei = new double[1];
            var pi = new double[1];
            new ExpectedImprovement(c[3]).Score(model, FixedPosterior.Indices(1), context, ei);
            new ProbabilityOfImprovement(c[3]).Score(model, FixedPosterior.Indices(1), context, pi);
            Assert.Equal(c[4], ei[0], c[4] * 1e-12);
            Assert.Equal(c[5], pi[0], c[5] * 1e-12);
        }
    }

    [Fact]
    public void ZeroVarianceReducesToThePositivePartAndAStep()
    {
        var model = new FixedPosterior([0.2, 0.8], [0.0, 0.0]);
        var context = new AcquisitionContext(0.5, 1, new Rng(1));
        var ei = new double[2];
        var pi = new double[2];
        new ExpectedImprovement().Score(model, FixedPosterior.Indices(2), context, ei);
        new ProbabilityOfImprovement().Score(model, FixedPosterior.Indices(2), context, pi);
        Assert.Equal([0.3, 0.0], ei, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal([1.0, 0.0], pi);
    }

    [Fact]
    public void UcbIsTheNegatedLowerConfidenceBoundWithSqrtBeta()
    {
        double[] mean = [1.0, -0.5, 2.0];
        double[] variance = [0.25, 4.0, 0.0];
        var model = new FixedPosterior(mean, variance);
        var scores = new double[3];
        new UpperConfidenceBound(2.0).Score(model, FixedPosterior.Indices(3), new AcquisitionContext(0, 1, new Rng(1)), scores);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(-(mean[i] - Math.Sqrt(2.0) * Math.Sqrt(variance[i])), scores[i], 1e-14);
        }

        new MaximumVariance().Score(model, FixedPosterior.Indices(3), new AcquisitionContext(0, 1, new Rng(1)), scores);
        Assert.Equal(variance, scores);
    }

    [Fact]
    public void InvalidParametersAreRejectedByName()
    {
        Assert.Contains("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new UpperConfidenceBound(-1)).Message);
        Assert.Contains("xi", Assert.Throws<ArgumentOutOfRangeException>(() => new ExpectedImprovement(double.NaN)).Message);
        Assert.Contains("radius", Assert.Throws<ArgumentOutOfRangeException>(() => new DiversityPenalty(0.5, 0)).Message);
    }

    [Fact]
    public void DiversityPenaltyRescalesAndSubtractsTheGaussianBump()
    {
        IReadOnlyList<double[]> candidates = [[0.0, 0.0], [0.1, 0.0], [1.0, 1.0]];
        double[] scores = [2.0, 4.0, 3.0];
        new DiversityPenalty(0.5, 0.1).Apply(candidates, scores, [[0.0, 0.0]]);
        Assert.Equal(0.0 - 0.5, scores[0], 1e-15);
        Assert.Equal(1.0 - 0.5 * Math.Exp(-0.01 / 0.02), scores[1], 1e-15);
        Assert.Equal(0.5 - 0.5 * Math.Exp(-2.0 / 0.02), scores[2], 1e-15);
    }
}
