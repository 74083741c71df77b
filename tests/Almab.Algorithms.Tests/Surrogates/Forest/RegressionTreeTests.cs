using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates.Forest;

namespace Almab.Algorithms.Tests.Surrogates.Forest;

public sealed class RegressionTreeTests
{
    [Theory]
    [InlineData(6, 1, 1, null, 1UL)]
    [InlineData(9, 2, 1, null, 2UL)]
    [InlineData(10, 3, 2, null, 3UL)]
    [InlineData(12, 2, 1, 2, 4UL)]
    [InlineData(8, 2, 3, null, 5UL)]
    public void MatchesTheBruteForceTreeOnTinyWeightedData(int n, int d, int minLeaf, int? maxDepth, ulong seed)
    {
        var rng = new Rng(seed);
        var x = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        var y = x.Select(r => Math.Sin(4 * r[0]) + rng.NextGaussian() * 0.3).ToArray();
        var w = Enumerable.Range(0, n).Select(_ => (double)rng.Next(3)).ToArray(); // 0 = left out, as a bootstrap does
        w[0] = 1.0;
        var tree = RegressionTree.Grow(ForestFixtures.Flat(x), d, y, w, new RegressionTreeSettings(maxDepth, 2, minLeaf), null);
        var reference = BruteForceTree.Grow(x, y, w, minLeaf, maxDepth);
        Assert.Equal(reference.Nodes, tree.NodeCount);
        for (int p = 0; p < 200; p++)
        {
            var probe = Enumerable.Range(0, d).Select(_ => rng.NextDouble() * 1.2 - 0.1).ToArray();
            Assert.Equal(reference.Predict(probe), tree.Predict(probe), 12);
        }
    }

    [Fact]
    public void MatchesScikitLearnDecisionTrees()
    {
        foreach (var c in ForestFixtures.Cases("trees.json"))
        {
            var x = GpFixtures.Matrix(c, "x");
            var y = GpFixtures.Vector(c, "y");
            var w = GpFixtures.Vector(c, "w");
            var s = c.GetProperty("settings");
            int? maxDepth = s.GetProperty("max_depth").ValueKind == System.Text.Json.JsonValueKind.Null ? null : s.GetProperty("max_depth").GetInt32();
            var settings = new RegressionTreeSettings(maxDepth, s.GetProperty("min_samples_split").GetInt32(), s.GetProperty("min_samples_leaf").GetInt32());
            var tree = RegressionTree.Grow(ForestFixtures.Flat(x), x[0].Length, y, w, settings, null);
            Assert.Equal(c.GetProperty("node_count").GetInt32(), tree.NodeCount);
            Assert.Equal(c.GetProperty("leaves").GetInt32(), tree.LeafCount);
            Assert.Equal(c.GetProperty("depth").GetInt32(), tree.Depth);
            var fitted = GpFixtures.Vector(c, "fitted");
            for (int i = 0; i < x.Length; i++)
            {
                Assert.Equal(fitted[i], tree.Predict(x[i]), 12);
            }

            AssertSameTreeUpToEquivalentSplits(c, tree, x, w);
        }
    }

    /// <summary>
    /// Recursively from the roots: same value and weight, same feature and threshold, or a different split that cuts
    /// the node's training samples into the same two sets (an exact tie up to rounding; when it sends them the other
    /// way round, our left subtree is compared with scikit-learn's right one).
    /// </summary>
    private static void AssertSameTreeUpToEquivalentSplits(System.Text.Json.JsonElement c, RegressionTree tree, double[][] x, double[] w)
    {
        var fixture = new SklearnTree(GpFixtures.Vector(c, "tree_feature"), GpFixtures.Vector(c, "tree_threshold"),
            GpFixtures.Vector(c, "tree_value"), GpFixtures.Vector(c, "tree_weight"), GpFixtures.Vector(c, "tree_left"), GpFixtures.Vector(c, "tree_right"));
        int ties = Compare(tree, 0, fixture, 0, Enumerable.Range(0, x.Length).Where(i => w[i] > 0).ToList(), x);
        Assert.True(ties <= tree.NodeCount / 4, $"{ties} of {tree.NodeCount} nodes tie: ties should be rare");
    }

    private sealed record SklearnTree(double[] Feature, double[] Threshold, double[] Value, double[] Weight, double[] Left, double[] Right);

    private static int Compare(RegressionTree ours, int a, SklearnTree theirs, int b, List<int> samples, double[][] x)
    {
        Assert.Equal(theirs.Value[b], ours.Value(a), 12);
        Assert.Equal(theirs.Weight[b], ours.Weight(a), 12);
        Assert.Equal(theirs.Feature[b] < 0, ours.IsLeaf(a));
        if (ours.IsLeaf(a))
        {
            return 0;
        }

        int f = (int)theirs.Feature[b];
        var left = samples.Where(i => x[i][ours.Feature(a)] <= ours.Threshold(a)).ToList();
        var right = samples.Except(left).ToList();
        int tl = (int)theirs.Left[b], tr = (int)theirs.Right[b];
        if (f == ours.Feature(a))
        {
            Assert.Equal(theirs.Threshold[b], ours.Threshold(a), 14);
            return Compare(ours, ours.Left(a), theirs, tl, left, x) + Compare(ours, ours.Right(a), theirs, tr, right, x);
        }

        var theirLeft = samples.Where(i => x[i][f] <= theirs.Threshold[b]).ToHashSet();
        if (theirLeft.SetEquals(left))
        {
            return 1 + Compare(ours, ours.Left(a), theirs, tl, left, x) + Compare(ours, ours.Right(a), theirs, tr, right, x);
        }

        Assert.True(theirLeft.SetEquals(right), $"feature {ours.Feature(a)} vs scikit-learn's {f} cut the samples {string.Join(",", samples)} differently");
        return 1 + Compare(ours, ours.Left(a), theirs, tr, left, x) + Compare(ours, ours.Right(a), theirs, tl, right, x);
    }

    [Fact]
    public void FeatureSamplingIsSeededAndRespectsTheLimits()
    {
        var rng = new Rng(9);
        int n = 40, d = 4;
        var x = Enumerable.Range(0, n * d).Select(_ => rng.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(i => x[i * d] + x[i * d + 3]).ToArray();
        var w = Enumerable.Repeat(1.0, n).ToArray();
        var settings = new RegressionTreeSettings(MaxDepth: 4, MinSamplesLeaf: 2, MaxFeatures: 2);
        var a = RegressionTree.Grow(x, d, y, w, settings, new Rng(5));
        var b = RegressionTree.Grow(x, d, y, w, settings, new Rng(5));
        Assert.Equal(a.NodeCount, b.NodeCount);
        Assert.True(a.Depth <= 4);
        for (int node = 0; node < a.NodeCount; node++)
        {
            Assert.Equal(a.Feature(node), b.Feature(node));
            if (a.IsLeaf(node))
            {
                Assert.True(a.Weight(node) >= 2.0);
            }
        }

        Assert.Throws<ArgumentNullException>(() => RegressionTree.Grow(x, d, y, w, settings, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => RegressionTree.Grow(x, d, y, w, settings with { MaxFeatures = 5 }, new Rng(1)));
        Assert.Throws<ArgumentException>(() => RegressionTree.Grow(x, d, y, new double[n], settings, new Rng(1)));
    }
}
