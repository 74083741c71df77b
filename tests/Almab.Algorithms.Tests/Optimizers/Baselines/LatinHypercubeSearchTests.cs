using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Contract;

namespace Almab.Algorithms.Tests.Optimizers.Baselines;

/// <summary>A 20-point Latin hypercube on a mixed space: the optimizer contract.</summary>
public sealed class LatinHypercubeSearchContractTests : OptimizerContract
{
    protected override SearchSpace Space => RandomSearchContractTests.Mixed;

    protected override int? Budget => 20;

    protected override IOptimizer Create(Seed seed) => new LatinHypercubeSearch(Space, seed, 20);
}

/// <summary>Stratification of the Latin hypercube.</summary>
public sealed class LatinHypercubeSearchTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(50, 6)]
    public void EveryStratumOfEveryDimensionHoldsExactlyOnePoint(int n, int d)
    {
        var space = new SearchSpace(Enumerable.Range(0, d).Select(i => Parameter.Float("x" + i, 2, 7)));
        var lhs = new LatinHypercubeSearch(space, new Seed((ulong)(n * 31 + d)), n);
        var trials = lhs.Ask(n + 5);
        Assert.Equal(n, trials.Count);
        for (int j = 0; j < d; j++)
        {
            var strata = new bool[n];
            for (int i = 0; i < n; i++)
            {
                double u = lhs.UnitPoint(i)[j];
                int k = (int)Math.Floor(u * n);
                Assert.False(strata[k], $"dimension {j}: stratum {k} holds two points");
                strata[k] = true;

                // The decoded native value lies in the same stratum of [2, 7].
                Assert.Equal(2 + 5 * u, trials[i].Configuration[j], 12);
            }
        }
    }

    [Fact]
    public void OnAGridEachLevelReceivesThePointsOfTheStrataItCovers()
    {
        // Level k of 8 is the cell [k/8, (k+1)/8) of the encoded coordinate: it receives every point of the strata
        // [j/26, (j+1)/26) inside it and possibly those of the two strata it shares with its neighbours.
        var levels = Enumerable.Range(0, 8).Select(i => (i + 0.5) / 8).ToArray();
        var grid = new SearchSpace([Parameter.Grid("s1", levels), Parameter.Grid("s2", levels)]);
        const int n = 26;
        var lhs = new LatinHypercubeSearch(grid, new Seed(5), n);
        for (int j = 0; j < 2; j++)
        {
            for (int k = 0; k < 8; k++)
            {
                int inside = Enumerable.Range(0, n).Count(s => s * 8 >= k * n && (s + 1) * 8 <= (k + 1) * n);
                int touching = Enumerable.Range(0, n).Count(s => s * 8 < (k + 1) * n && (s + 1) * 8 > k * n);
                int count = lhs.Design.Count(c => c[j] == levels[k]);
                Assert.InRange(count, inside, touching);
            }
        }
    }

    [Fact]
    public void DifferentSeedsGiveDifferentDesignsAndBadSizesAreRejected()
    {
        var space = new SearchSpace([Parameter.Float("x", 0, 1), Parameter.Float("y", 0, 1)]);
        Assert.NotEqual(new LatinHypercubeSearch(space, new Seed(1), 10).Design, new LatinHypercubeSearch(space, new Seed(2), 10).Design);
        Assert.Contains("sampleSize", Assert.Throws<ArgumentOutOfRangeException>(() => new LatinHypercubeSearch(space, new Seed(1), 0)).Message);
    }
}
