using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Contract;

namespace Almab.Algorithms.Tests.Optimizers.Baselines;

/// <summary>Random search on a mixed space: the optimizer contract.</summary>
public sealed class RandomSearchContractTests : OptimizerContract
{
    internal static readonly SearchSpace Mixed = new(
    [
        Parameter.Float("lr", 1e-4, 1e-1, log: true),
        Parameter.Integer("batch", 16, 256),
        Parameter.Categorical("opt", ["sgd", "adam", "rmsprop"]),
        Parameter.Float("dropout", 0, 0.5),
    ]);

    protected override SearchSpace Space => Mixed;

    protected override IOptimizer Create(Seed seed) => new RandomSearch(Mixed, seed);
}

/// <summary>Random search with a budget: the contract's budget test applies.</summary>
public sealed class BudgetedRandomSearchContractTests : OptimizerContract
{
    protected override SearchSpace Space => RandomSearchContractTests.Mixed;

    protected override int? Budget => 14;

    protected override IOptimizer Create(Seed seed) => new RandomSearch(Space, seed, budget: 14);
}

/// <summary>Distributional and option tests of random search.</summary>
public sealed class RandomSearchTests
{
    [Fact]
    public void DrawsAreUniformOnEachParameter()
    {
        // Chi-square goodness of fit over 10 equal cells of the encoded coordinate, 4000 draws: df = 9,
        // the 0.999 quantile is 27.88, so a correct sampler fails this with probability 0.001 (fixed seed).
        var space = RandomSearchContractTests.Mixed;
        var opt = new RandomSearch(space, new Seed(42));
        var counts = new int[space.Dimension, 10];
        const int n = 4000;
        foreach (var t in opt.Ask(n))
        {
            var u = space.Encode(t.Configuration);
            for (int j = 0; j < u.Length; j++)
            {
                counts[j, Math.Min((int)(u[j] * 10), 9)]++;
            }
        }

        for (int j = 0; j < space.Dimension; j++)
        {
            if (space.Parameters[j].Kind == ParameterKind.Categorical)
            {
                continue;
            }

            double chi2 = 0;
            for (int c = 0; c < 10; c++)
            {
                double d = counts[j, c] - n / 10.0;
                chi2 += d * d / (n / 10.0);
            }

            Assert.True(chi2 < 27.88, $"parameter {space.Parameters[j].Name}: chi2 = {chi2}");
        }
    }

    [Fact]
    public void WithoutReplacementVisitsEveryPointOfAFiniteSpaceOnceAfterTheInitialDesign()
    {
        var levels = Enumerable.Range(0, 8).Select(i => (i + 0.5) / 8).ToArray();
        var grid = new SearchSpace([Parameter.Grid("s1", levels), Parameter.Grid("s2", levels)]);
        Configuration[] corners = [new([levels[0], levels[0]]), new([levels[0], levels[7]]), new([levels[7], levels[0]]), new([levels[7], levels[7]])];
        var opt = new RandomSearch(grid, new Seed(9), initialDesign: corners, withoutReplacement: true);
        var all = opt.Ask(100);
        Assert.Equal(64, all.Count);
        Assert.Equal(corners, all.Take(4).Select(t => t.Configuration));
        Assert.Equal(64, all.Select(t => t.Configuration).Distinct().Count());
        Assert.Empty(opt.Ask(1));
    }

    [Fact]
    public void BadArgumentsAreRejectedByName()
    {
        var space = RandomSearchContractTests.Mixed;
        Assert.Contains("withoutReplacement", Assert.Throws<ArgumentException>(() => new RandomSearch(space, new Seed(1), withoutReplacement: true)).Message);
        Assert.Contains("InitialDesign[0]", Assert.Throws<ArgumentException>(
            () => new RandomSearch(space, new Seed(1), initialDesign: [new Configuration([5.0, 16, 0, 0])])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSearch(space, new Seed(1), budget: -1));
    }
}
