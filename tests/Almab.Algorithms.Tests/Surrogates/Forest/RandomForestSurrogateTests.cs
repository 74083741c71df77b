using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Forest;
using Almab.Algorithms.Tests.Surrogates;

namespace Almab.Algorithms.Tests.Surrogates.Forest;

/// <summary>The <see cref="ISurrogate"/> contract for the random forest.</summary>
public sealed class RandomForestContractTests : SurrogateContractTests
{
    protected override ISurrogate Create(int dimension) => new RandomForestSurrogate(dimension, new RandomForestOptions { Trees = 50 });
}

public sealed class RandomForestSurrogateTests
{
    [Fact]
    public void WithoutBootstrapEveryTreeIsTheScikitLearnTreeAndTheSpreadIsZero()
    {
        var c = ForestFixtures.Cases("trees.json")[0];
        var x = GpFixtures.Matrix(c, "x");
        var y = GpFixtures.Vector(c, "y");
        var forest = new RandomForestSurrogate(x[0].Length, new RandomForestOptions { Trees = 7, Bootstrap = false });
        forest.Fit(x, y, false);
        var (m, v) = Predict(forest, x);
        var fitted = GpFixtures.Vector(c, "fitted");
        var probe = GpFixtures.Matrix(c, "probe");
        var (mp, _) = Predict(forest, probe);
        var single = RegressionTree.Grow(ForestFixtures.Flat(x), x[0].Length, y, Enumerable.Repeat(1.0, y.Length).ToArray(), new RegressionTreeSettings(), null);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(fitted[i], m[i], 12);
            Assert.True(v[i] <= 1e-28, $"identical trees, spread {v[i]} (only the rounding of their mean)");
        }

        for (int i = 0; i < probe.Length; i++)
        {
            Assert.Equal(single.Predict(probe[i]), mp[i], 13);
        }
    }

    /// <summary>
    /// Two independent 500-tree forests estimate the same expected tree prediction; their means differ by about
    /// sqrt(var_a/500 + var_b/500). Every probe must agree within 5 of those (the chance a correct forest fails one
    /// of 40 probes is below 1e-4), and the average across-tree variance within 15 % of scikit-learn's.
    /// </summary>
    [Fact]
    public void AgreesInDistributionWithScikitLearnForests()
    {
        foreach (var c in ForestFixtures.Cases("forests.json"))
        {
            var x = GpFixtures.Matrix(c, "x");
            var y = GpFixtures.Vector(c, "y");
            bool bootstrap = c.GetProperty("bootstrap").GetBoolean();
            int? maxFeatures = c.GetProperty("max_features").ValueKind == System.Text.Json.JsonValueKind.Null ? null : c.GetProperty("max_features").GetInt32();
            var forest = new RandomForestSurrogate(2, new RandomForestOptions
            {
                Trees = 500, Bootstrap = bootstrap, Tree = new RegressionTreeSettings(MaxFeatures: maxFeatures), Seed = new Seed(11),
            });
            forest.Fit(x, y, false);
            var probe = GpFixtures.Matrix(c, "probe");
            var (m, v) = Predict(forest, probe);
            var sm = GpFixtures.Vector(c, "mean");
            var sv = GpFixtures.Vector(c, "variance");
            for (int i = 0; i < probe.Length; i++)
            {
                double se = Math.Sqrt(v[i] / 500 + sv[i] / 500);
                Assert.True(Math.Abs(m[i] - sm[i]) <= 5 * se + 1e-12, $"bootstrap={bootstrap} probe {i}: {m[i]} vs {sm[i]} (se {se})");
            }

            double ratio = v.Average() / sv.Average();
            Assert.InRange(ratio, 0.85, 1.15);
        }
    }

    [Fact]
    public void SameSeedSamePredictionsAtAnyThreadCount()
    {
        var (x, y) = Data(60, 3, 4);
        var probe = Data(25, 3, 5).X;
        double[]? first = null;
        foreach (int threads in new[] { 1, 2, 3 })
        {
            var forest = new RandomForestSurrogate(3, new RandomForestOptions { Trees = 64, MaxDegreeOfParallelism = threads });
            forest.Fit(x, y, false);
            var (m, v) = Predict(forest, probe);
            var both = m.Concat(v).Append(forest.NoiseVariance).ToArray();
            if (first is null)
            {
                first = both;
            }
            else
            {
                Assert.Equal(first, both);
            }
        }
    }

    [Fact]
    public void AFantasyJoinsItsLeafMeanInEveryTree()
    {
        var (x, y) = Data(30, 2, 6);
        var forest = new RandomForestSurrogate(2, new RandomForestOptions { Trees = 20 });
        forest.Fit(x, y, false);
        double[] point = [0.3, 0.7];
        var leaves = forest.Trees.Select(t => t.LeafOf(point)).ToArray();
        var before = forest.Trees.Select((t, k) => (t.Value(leaves[k]), t.Weight(leaves[k]))).ToArray();
        forest.PushFantasy(point, 5.0);
        for (int k = 0; k < leaves.Length; k++)
        {
            var (v, w) = before[k];
            Assert.Equal((w * v + 5.0) / (w + 1.0), forest.Trees[k].Value(leaves[k]), 14);
            Assert.Equal(w + 1.0, forest.Trees[k].Weight(leaves[k]));
        }

        forest.PopFantasy();
        Assert.Equal(before, forest.Trees.Select((t, k) => (t.Value(leaves[k]), t.Weight(leaves[k]))).ToArray());
    }

    [Fact]
    public void AddRegrowsOnAllDataAndOutOfBagNoiseTracksTheTrueNoise()
    {
        var rng = new Rng(12);
        var x = new List<double[]>();
        var y = new List<double>();
        for (int i = 0; i < 400; i++)
        {
            double a = rng.NextDouble();
            x.Add([a]);
            y.Add(2.0 * a + 0.5 * rng.NextGaussian());
        }

        var forest = new RandomForestSurrogate(1);
        forest.Fit(x.Take(399).ToList(), y.Take(399).ToList(), false);
        forest.Add(x[399], y[399]);
        Assert.Equal(400, forest.Count);
        var refit = new RandomForestSurrogate(1);
        refit.Fit(x, y, false);
        var (m1, _) = Predict(forest, [[0.25], [0.75]]);
        var (m2, _) = Predict(refit, [[0.25], [0.75]]);
        Assert.Equal(m2, m1);
        // OOB error of a fully grown forest on noise of variance 0.25: noise plus the trees' own error, and not far above.
        Assert.InRange(forest.NoiseVariance, 0.25, 0.45);
    }

    [Fact]
    public void BadSettingsAndUnfittedUseThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomForestSurrogate(2, new RandomForestOptions { Trees = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomForestSurrogate(2, new RandomForestOptions { MaxDegreeOfParallelism = 0 }));
        var forest = new RandomForestSurrogate(2);
        Assert.Throws<InvalidOperationException>(() => Predict(forest, [[0.1, 0.2]]));
        Assert.Throws<ArgumentException>(() => forest.Fit([[0.1, double.NaN]], [1.0], false));
    }

    internal static (double[] Mean, double[] Variance) Predict(ISurrogate s, double[][] points)
    {
        var m = new double[points.Length];
        var v = new double[points.Length];
        s.Predict(points, m, v);
        return (m, v);
    }

    internal static (double[][] X, double[] Y) Data(int n, int d, ulong seed)
    {
        var rng = new Rng(seed);
        var x = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        var y = x.Select(r => r.Sum(v => Math.Sin(3 * v)) + 0.05 * rng.NextGaussian()).ToArray();
        return (x, y);
    }
}
