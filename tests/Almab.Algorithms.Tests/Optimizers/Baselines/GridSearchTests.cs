using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Contract;

namespace Almab.Algorithms.Tests.Optimizers.Baselines;

/// <summary>Grid search on a 4 x 4 grid over the Branin box: the optimizer contract (budget = 16 points).</summary>
public sealed class GridSearchContractTests : OptimizerContract
{
    private static readonly SearchSpace Box = new([Parameter.Float("x1", -5, 10), Parameter.Float("x2", 0, 15)]);

    protected override SearchSpace Space => Box;

    protected override int? Budget => 16;

    protected override bool IsRandomized => false;

    protected override IOptimizer Create(Seed seed) => new GridSearch(Box, 4);
}

/// <summary>The grid is exactly the Cartesian product, in the documented order.</summary>
public sealed class GridSearchTests
{
    [Fact]
    public void AFiniteSpaceIsCoveredExactlyOnceInLexicographicOrder()
    {
        double[] doses = [0.5, 1.5, 4];
        var space = new SearchSpace([Parameter.Grid("dose", doses), Parameter.Categorical("arm", ["a", "b"]), Parameter.Integer("k", 1, 4)]);
        var grid = new GridSearch(space, 100);
        var expected = new List<Configuration>();
        foreach (double d in doses)
        {
            for (int a = 0; a < 2; a++)
            {
                for (int k = 1; k <= 4; k++)
                {
                    expected.Add(new Configuration([d, a, k]));
                }
            }
        }

        var asked = new List<Configuration>();
        for (int round = 0; round < 20; round++)
        {
            asked.AddRange(grid.Ask(5).Select(t => t.Configuration));
        }

        Assert.Equal(expected, asked);
        Assert.Equal(expected, grid.Points);
    }

    [Fact]
    public void ContinuousParametersGetEvenlySpacedValuesWithEndpointsAndLogSpacing()
    {
        var space = new SearchSpace([Parameter.Float("x", 0, 1), Parameter.Float("lr", 1e-3, 1, log: true), Parameter.Integer("n", 0, 100)]);
        var grid = new GridSearch(space, 3);
        Assert.Equal(27, grid.Points.Count);
        Assert.Equal([0.0, 0.5, 1.0], grid.Points.Select(p => p[0]).Distinct().Order());
        var lr = grid.Points.Select(p => p[1]).Distinct().Order().ToArray();
        Assert.Equal(3, lr.Length);
        Assert.Equal(1e-3, lr[0], 12);
        Assert.Equal(Math.Sqrt(1e-3), lr[1], 12);
        Assert.Equal(1.0, lr[2], 12);
        Assert.Equal([0.0, 50.0, 100.0], grid.Points.Select(p => p[2]).Distinct().Order());
        Assert.Equal(27, grid.Points.Distinct().Count());
    }

    [Fact]
    public void ForBudgetPicksTheFinestGridThatFits()
    {
        var branin = new SearchSpace([Parameter.Float("x1", -5, 10), Parameter.Float("x2", 0, 15)]);
        Assert.Equal(49, GridSearch.ForBudget(branin, 50).Points.Count);
        var mixed = new SearchSpace([
            Parameter.Float("a", 0, 1), Parameter.Float("b", 0, 1), Parameter.Float("c", 0, 1), Parameter.Float("d", 0, 1),
            Parameter.Categorical("opt", ["x", "y", "z"])]);
        var g = GridSearch.ForBudget(mixed, 60);
        Assert.Equal(2, g.LevelsPerParameter);
        Assert.Equal(32, g.Points.Count);
        var doses = new SearchSpace([Parameter.Grid("dose", Enumerable.Range(0, 33).Select(i => 0.25 * i))]);
        Assert.Equal(33, GridSearch.ForBudget(doses, 500).Points.Count);
        var fourteen = GridSearch.ForBudget(doses, 14).Points.Select(p => p[0]).ToArray();
        Assert.Equal(14, fourteen.Length);
        Assert.Equal(0.0, fourteen[0]);
        Assert.Equal(8.0, fourteen[^1]);
        Configuration[] initial = [new([0.0]), new([2.0]), new([5.5]), new([8.0])];
        var withInitial = GridSearch.ForBudget(doses, 14, initial);
        Assert.Equal(10, withInitial.Points.Count);
        Assert.Equal(14, withInitial.Ask(20).Count);
    }

    [Fact]
    public void TheInitialDesignComesFirstAndExtendsTheBudget()
    {
        var space = new SearchSpace([Parameter.Float("x", 0, 1)]);
        var grid = new GridSearch(space, 2, [new Configuration([0.25])]);
        Assert.Equal([0.25, 0.0, 1.0], grid.Ask(10).Select(t => t.Configuration[0]));
        Assert.Empty(grid.Ask(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GridSearch(space, 0));
    }
}
