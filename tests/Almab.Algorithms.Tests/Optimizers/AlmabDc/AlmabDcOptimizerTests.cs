using Almab.Algorithms.Acquisitions;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>Optimizer contract (ARCHITECTURE.md): determinism, asks in the space, NaN rejected, pending asks.</summary>
public sealed class AlmabDcOptimizerTests
{
    public static TheoryData<AlmabDcVariant> Variants() =>
        [AlmabDcVariant.Ucb, AlmabDcVariant.Thompson, AlmabDcVariant.NoMab, AlmabDcVariant.NoAl, AlmabDcVariant.PureBo];

    private static readonly SearchSpace Mixed = new(
    [
        Parameter.Float("lr", 1e-4, 1e-1, log: true),
        Parameter.Integer("batch", 16, 256),
        Parameter.Categorical("opt", ["sgd", "adam", "rmsprop"]),
        Parameter.Float("dropout", 0, 0.5),
    ]);

    private static double MixedObjective(Configuration c) =>
        Math.Pow(Math.Log10(c[0]) + 2.5, 2) + Math.Abs(c[1] - 64) / 100.0 + (c[2] == 1 ? 0 : 0.3) + c[3];

    private static List<Configuration> Trace(AlmabDcVariant variant, ulong seed)
    {
        var opt = new AlmabDcOptimizer(Mixed, new Seed(seed), OptimizerRuns.Fast(variant));
        var asked = new List<Configuration>();
        for (int round = 0; round < 8; round++)
        {
            var trials = opt.Ask(round % 3 + 1);
            foreach (var t in trials.Reverse())
            {
                asked.Add(t.Configuration);
                Assert.True(Mixed.Contains(t.Configuration), $"{t.Configuration} is outside the space");
                double y = MixedObjective(t.Configuration);
                opt.Tell(t, new Observation(y));
            }
        }

        return asked;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void SameSeedSameTraceAndAsksStayInTheSpace(AlmabDcVariant variant)
    {
        var a = Trace(variant, 5);
        var b = Trace(variant, 5);
        var c = Trace(variant, 6);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void NaNIsRejectedWithAClearMessageAndTheTrialStaysPending(AlmabDcVariant variant)
    {
        var opt = new AlmabDcOptimizer(ReferenceFunctions.BraninSpace, new Seed(1), OptimizerRuns.Fast(variant));
        var trial = opt.Ask(1)[0];
        var ex = Assert.Throws<ArgumentException>(() => opt.Tell(trial, new Observation(double.NaN)));
        Assert.Contains($"Trial {trial.Id}", ex.Message);
        Assert.Contains("finite", ex.Message);
        Assert.Equal(1, opt.PendingCount);
        opt.Tell(trial, new Observation(1.0));
        Assert.Equal(0, opt.PendingCount);
        Assert.Contains("not pending", Assert.Throws<ArgumentException>(() => opt.Tell(trial, new Observation(1.0))).Message);
        opt.Tell(opt.Ask(1)[0], new Observation(double.NaN, Failed: true));
        Assert.Equal(1, opt.ObservationCount);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void PendingAsksAreDistinctAndMayBeToldInAnyOrder(AlmabDcVariant variant)
    {
        var opt = new AlmabDcOptimizer(ReferenceFunctions.BraninSpace, new Seed(2), OptimizerRuns.Fast(variant));
        var warm = opt.Ask(4);
        foreach (var t in warm)
        {
            opt.Tell(t, new Observation(ReferenceFunctions.Branin(t.Configuration)));
        }

        var outstanding = new List<Trial>(opt.Ask(3));
        outstanding.AddRange(opt.Ask(3));
        Assert.Equal(6, outstanding.Select(t => t.Configuration).Distinct().Count());
        Assert.Equal(6, opt.PendingCount);
        opt.Tell(outstanding[4], new Observation(ReferenceFunctions.Branin(outstanding[4].Configuration)));
        outstanding.AddRange(opt.Ask(2));
        Assert.Equal(8, outstanding.Select(t => t.Configuration).Distinct().Count());
        foreach (var t in outstanding.Where((_, i) => i != 4).Reverse())
        {
            opt.Tell(t, new Observation(ReferenceFunctions.Branin(t.Configuration)));
        }

        Assert.Equal(0, opt.PendingCount);
        Assert.Equal(12, opt.ObservationCount);
    }

    [Fact]
    public void FiniteSpacesGiveOneArmPerPointAndTheGivenDesignComesFirst()
    {
        var doses = new SearchSpace([Parameter.Grid("dose", Enumerable.Range(0, 33).Select(i => 0.25 * i))]);
        var design = new[] { 0.0, 2.0, 5.5, 8.0 }.Select(d => new Configuration([d])).ToList();
        var opt = new AlmabDcOptimizer(doses, new Seed(3), new AlmabDcOptions { InitialDesign = design, MaxArms = 64, RefitEvery = 0 });
        Assert.True(opt.ArmPartition.OnePointPerArm);
        Assert.Equal(33, opt.ArmPartition.Arms);
        var first = opt.Ask(4);
        Assert.Equal(design, first.Select(t => t.Configuration));
        foreach (var t in first)
        {
            double x = t.Configuration[0];
            opt.Tell(t, new Observation(-(1 / (1 + Math.Exp(1.5 - 0.9 * x)) - 0.5 / (1 + Math.Exp(5 - 1.2 * x)))));
        }

        foreach (var t in opt.Ask(8))
        {
            Assert.True(doses.Contains(t.Configuration));
        }
    }

    [Fact]
    public void BadOptionsAreRejectedByName()
    {
        var space = ReferenceFunctions.BraninSpace;
        Assert.Contains("ShortlistSize", Assert.Throws<ArgumentOutOfRangeException>(
            () => new AlmabDcOptimizer(space, new Seed(1), new AlmabDcOptions { ShortlistSize = 0 })).Message);
        Assert.Contains("InitialDesign", Assert.Throws<ArgumentException>(
            () => new AlmabDcOptimizer(space, new Seed(1), new AlmabDcOptions { InitialDesign = [new Configuration([50.0, 1.0])] })).Message);
        Assert.Contains("LocalFraction", Assert.Throws<ArgumentOutOfRangeException>(
            () => new AlmabDcOptimizer(space, new Seed(1), new AlmabDcOptions { LocalFraction = 2 })).Message);
    }

    [Fact]
    public void NamesIdentifyTheVariants()
    {
        AlmabDcVariant[] variants = [AlmabDcVariant.Ucb, AlmabDcVariant.Thompson, AlmabDcVariant.NoMab, AlmabDcVariant.NoAl, AlmabDcVariant.PureBo];
        string[] names = variants.Select(v => new AlmabDcOptimizer(Mixed, new Seed(1), new AlmabDcOptions { Variant = v }).Name).ToArray();
        Assert.Equal(["almab-dc-ucb", "almab-dc-ts", "almab-dc-no-mab", "almab-dc-no-al", "pure-bo"], names);
    }

    [Fact]
    public void TheAcquisitionIsConfigurable()
    {
        var opt = new AlmabDcOptimizer(Mixed, new Seed(1), OptimizerRuns.Fast(AlmabDcVariant.Ucb) with { Acquisition = new ExpectedImprovement() });
        Assert.True(OptimizerRuns.Best(opt, MixedObjective, 12) < double.PositiveInfinity);
    }
}
