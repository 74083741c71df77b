using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Optimizers.Baselines;

/// <summary>The budget-filling grid and the collision-repaired Latin hypercube (issue 17, item 3).</summary>
public sealed class FullBudgetDesignTests
{
    [Theory]
    [InlineData(2, 50)]
    [InlineData(5, 60)]
    [InlineData(6, 50)]
    [InlineData(1, 7)]
    public void TheFillingGridSpendsTheWholeBudgetOnDistinctPoints(int dimension, int budget)
    {
        var space = new SearchSpace([.. Enumerable.Range(0, dimension).Select(i => Parameter.Float($"x{i}", 0, 1))]);
        var grid = GridSearch.FillingBudget(space, budget);
        var points = Drain(grid);
        Assert.Equal(budget, points.Count);
        Assert.Equal(budget, points.Distinct().Count());
        // Mixed-level product first: at least the uniform grid's r^d points, and every parameter gets >= 2 values when 2^d fits.
        if (1L << dimension <= budget)
        {
            Assert.All(Enumerable.Range(0, dimension), j => Assert.True(points.Select(p => p[j]).Distinct().Count() >= 2));
        }
    }

    [Fact]
    public void TheFillingGridStopsAtTheSizeOfAFiniteSpace()
    {
        var space = new SearchSpace([Parameter.Integer("a", 1, 2), Parameter.Categorical("b", ["x", "y", "z"])]);
        Assert.Equal(6, Drain(GridSearch.FillingBudget(space, 50)).Distinct().Count());
    }

    [Fact]
    public void RepairedLatinHypercubeNeverRepeatsACellOrTheInitialDesign()
    {
        double[] centres = [.. Enumerable.Range(0, 8).Select(i => (i + 0.5) / 8)];
        var space = new SearchSpace([Parameter.Grid("x", centres), Parameter.Grid("y", centres)]);
        Configuration[] corners = [new([centres[0], centres[0]]), new([centres[0], centres[7]]), new([centres[7], centres[0]]), new([centres[7], centres[7]])];
        int repeatsWithout = 0;
        for (int r = 0; r < 20; r++)
        {
            var repaired = Drain(new LatinHypercubeSearch(space, new Seed(1).Derive(r), 26, corners, repairCollisions: true));
            Assert.Equal(30, repaired.Count);
            Assert.Equal(30, repaired.Distinct().Count());
            var plain = Drain(new LatinHypercubeSearch(space, new Seed(1).Derive(r), 26, corners));
            repeatsWithout += plain.Count - plain.Distinct().Count();
        }

        Assert.True(repeatsWithout > 20, "the plain snapped design does collide (the reason for the repaired reading)");
    }

    private static List<Configuration> Drain(IOptimizer optimizer)
    {
        var list = new List<Configuration>();
        while (true)
        {
            var trials = optimizer.Ask(8);
            if (trials.Count == 0)
            {
                return list;
            }

            foreach (var t in trials)
            {
                list.Add(t.Configuration);
                optimizer.Tell(t, new Algorithms.Objectives.Observation(0.0, 0.0, 1.0, false));
            }
        }
    }
}
