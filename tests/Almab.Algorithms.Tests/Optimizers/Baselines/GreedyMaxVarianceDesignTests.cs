using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Contract;
using MathNet.Numerics.LinearAlgebra;

namespace Almab.Algorithms.Tests.Optimizers.Baselines;

/// <summary>Greedy max-variance on the case-5 grid: the optimizer contract.</summary>
public sealed class GreedyMaxVarianceDesignContractTests : OptimizerContract
{
    protected override SearchSpace Space => GreedyMaxVarianceDesignTests.Field.Space;

    protected override bool IsRandomized => false;

    protected override IOptimizer Create(Seed seed) => new GreedyMaxVarianceDesign(Space);
}

/// <summary>Greedy max-variance against a brute-force posterior variance (MathNet inverse) with the eq. (9) kernel.</summary>
public sealed class GreedyMaxVarianceDesignTests
{
    internal static readonly SpatialFieldObjective Field = new(new Seed(1));

    private static double[] BruteForceVariances(IReadOnlyList<int> observed)
    {
        var points = Field.Points;
        int n = observed.Count;
        var k = Matrix<double>.Build.Dense(n, n, (i, j) => Field.Kernel(points[observed[i]], points[observed[j]]) + (i == j ? 0.04 : 0));
        var inverse = k.Inverse();
        var result = new double[points.Count];
        for (int s = 0; s < points.Count; s++)
        {
            var kx = Vector<double>.Build.Dense(n, i => Field.Kernel(points[s], points[observed[i]]));
            result[s] = Field.Kernel(points[s], points[s]) - kx * inverse * kx;
        }

        return result;
    }

    [Fact]
    public void CandidatesAreTheCase5GridInTheObjectivesOrderAndTheCornersComeFirst()
    {
        var design = new GreedyMaxVarianceDesign(Field.Space);
        Assert.Equal(Field.Points, design.Candidates.Select(c => c.Values.ToArray()));
        var first = design.Ask(4).Select(t => Field.IndexOf(t.Configuration));
        Assert.Equal([0, 7, 56, 63], first);
    }

    [Fact]
    public void EachChoiceIsAnArgmaxOfTheBruteForcePosteriorVariance()
    {
        var design = new GreedyMaxVarianceDesign(Field.Space);
        var observed = new List<int>();
        var rng = new Rng(5);
        foreach (var t in design.Ask(4))
        {
            observed.Add(Field.IndexOf(t.Configuration));
            design.Tell(t, Field.Evaluate(t.Configuration, 1.0, rng));
        }

        for (int step = 0; step < 26; step++)
        {
            var variance = BruteForceVariances(observed);
            for (int s = 0; s < variance.Length; s++)
            {
                Assert.Equal(variance[s], design.PosteriorVariance(s), 9);
            }

            var trial = design.Ask(1)[0];
            int pick = Field.IndexOf(trial.Configuration);
            Assert.True(variance[pick] >= variance.Max() - 1e-9, $"step {step}: picked variance {variance[pick]}, max {variance.Max()}");
            observed.Add(pick);
            design.Tell(trial, Field.Evaluate(trial.Configuration, 1.0, rng));
        }
    }

    [Fact]
    public void PendingPointsCountAsObservedAndFailuresAreForgotten()
    {
        var batch = new GreedyMaxVarianceDesign(Field.Space);
        var serial = new GreedyMaxVarianceDesign(Field.Space);
        var fromBatch = batch.Ask(10).Select(t => t.Configuration).ToList();
        var fromSerial = new List<Configuration>();
        for (int i = 0; i < 10; i++)
        {
            var t = serial.Ask(1)[0];
            fromSerial.Add(t.Configuration);
            serial.Tell(t, new Observation(0.0));
        }

        Assert.Equal(fromSerial, fromBatch);

        var design = new GreedyMaxVarianceDesign(Field.Space, new GreedyMaxVarianceOptions { InitialDesign = [] });
        var trial = design.Ask(1)[0];
        int k = Field.IndexOf(trial.Configuration);
        Assert.True(design.PosteriorVariance(k) < 0.1);
        design.Tell(trial, new Observation(double.NaN, Failed: true));
        Assert.Equal(1.0, design.PosteriorVariance(k), 12);
    }

    [Fact]
    public void NonGridSpacesAndBadKernelsAreRejected()
    {
        Assert.Contains("Float", Assert.Throws<ArgumentException>(
            () => new GreedyMaxVarianceDesign(new SearchSpace([Parameter.Float("x", 0, 1)]))).Message);
        Assert.Contains("LengthScale", Assert.Throws<ArgumentOutOfRangeException>(
            () => new GreedyMaxVarianceDesign(Field.Space, new GreedyMaxVarianceOptions { LengthScale = 0 })).Message);
    }
}
