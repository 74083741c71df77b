using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Baselines;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Contract;

namespace Almab.Algorithms.Tests.Optimizers.Baselines;

/// <summary>Equal spacing over the case-4 doses: the optimizer contract.</summary>
public sealed class EqualSpacingDesignContractTests : OptimizerContract
{
    protected override SearchSpace Space => EqualSpacingDesignTests.Doses;

    protected override bool IsRandomized => false;

    protected override IOptimizer Create(Seed seed) => new EqualSpacingDesign(Space, levelCount: 5);
}

/// <summary>Systematic dose cycling.</summary>
public sealed class EqualSpacingDesignTests
{
    internal static readonly SearchSpace Doses = new DoseResponseObjective(DoseObservationModel.BernoulliUtility).Space;

    [Fact]
    public void CyclesThroughEvenlySpacedDosesInIncreasingOrder()
    {
        var design = new EqualSpacingDesign(Doses, levelCount: 5);
        var doses = design.Ask(3).Concat(design.Ask(9)).Select(t => t.Configuration[0]);
        Assert.Equal([0.0, 2, 4, 6, 8, 0, 2, 4, 6, 8, 0, 2], doses);
    }

    [Fact]
    public void ByDefaultEveryLevelIsVisitedOncePerCycleAfterTheInitialDesign()
    {
        Configuration[] initial = [new([0.0]), new([2.0]), new([5.5]), new([8.0])];
        var design = new EqualSpacingDesign(Doses, initialDesign: initial);
        var doses = design.Ask(4 + 66).Select(t => t.Configuration[0]).ToArray();
        Assert.Equal([0.0, 2.0, 5.5, 8.0], doses[..4]);
        var levels = Doses.Parameters[0].Levels.ToArray();
        Assert.Equal(levels, doses[4..37]);
        Assert.Equal(levels, doses[37..]);
    }

    [Fact]
    public void NonDoseSpacesAreRejected()
    {
        var plane = new SearchSpace([Parameter.Float("x", 0, 1)]);
        Assert.Contains("one finite parameter", Assert.Throws<ArgumentException>(() => new EqualSpacingDesign(plane)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EqualSpacingDesign(Doses, levelCount: 0));
    }
}
