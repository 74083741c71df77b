using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.TestFunctions;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Baselines;

namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>
/// ALMAB-DC beyond the optimizer contract (<see cref="AlmabDcContract"/>): pending and observation counts, distinct
/// configurations among outstanding asks once the model is fitted, finite-space arms, option validation, names.
/// </summary>
public sealed class AlmabDcOptimizerTests
{
    private static readonly Branin Branin = new();

    public static TheoryData<AlmabDcVariant> Variants() =>
        [AlmabDcVariant.Ucb, AlmabDcVariant.Thompson, AlmabDcVariant.NoMab, AlmabDcVariant.NoAl, AlmabDcVariant.PureBo];

    [Theory]
    [MemberData(nameof(Variants))]
    public void CountsTrackPendingTrialsAndFailedEvaluationsAreNotObservations(AlmabDcVariant variant)
    {
        // The rejection messages are checked by the optimizer contract (AlmabDcContract); here the counters.
        var opt = new AlmabDcOptimizer(Branin.Space, new Seed(1), OptimizerRuns.Fast(variant));
        var trial = opt.Ask(1)[0];
        Assert.Throws<ArgumentException>(() => opt.Tell(trial, new Observation(double.NaN)));
        Assert.Equal(1, opt.PendingCount);
        opt.Tell(trial, new Observation(1.0));
        Assert.Equal(0, opt.PendingCount);
        opt.Tell(opt.Ask(1)[0], new Observation(double.NaN, Failed: true));
        Assert.Equal(1, opt.ObservationCount);
        Assert.Equal(0, opt.PendingCount);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void PendingAsksAreDistinctAndMayBeToldInAnyOrder(AlmabDcVariant variant)
    {
        var opt = new AlmabDcOptimizer(Branin.Space, new Seed(2), OptimizerRuns.Fast(variant));
        var warm = opt.Ask(4);
        foreach (var t in warm)
        {
            opt.Tell(t, new Observation(Branin.ValueAt(t.Configuration.Values)));
        }

        var outstanding = new List<Trial>(opt.Ask(3));
        outstanding.AddRange(opt.Ask(3));
        Assert.Equal(6, outstanding.Select(t => t.Configuration).Distinct().Count());
        Assert.Equal(6, opt.PendingCount);
        opt.Tell(outstanding[4], new Observation(Branin.ValueAt(outstanding[4].Configuration.Values)));
        outstanding.AddRange(opt.Ask(2));
        Assert.Equal(8, outstanding.Select(t => t.Configuration).Distinct().Count());
        foreach (var t in outstanding.Where((_, i) => i != 4).Reverse())
        {
            opt.Tell(t, new Observation(Branin.ValueAt(t.Configuration.Values)));
        }

        Assert.Equal(0, opt.PendingCount);
        Assert.Equal(12, opt.ObservationCount);
    }

    /// <summary>
    /// The shortlist diagnostics count what Algorithm 1's bandit step did: only the bandit variants make such choices;
    /// a choice among candidates of one region cannot leave the acquisition's top one; with a shortlist of one every
    /// choice is of one region and none overrides.
    /// </summary>
    [Theory]
    [MemberData(nameof(Variants))]
    public void ShortlistDiagnosticsCountOnlyTheBanditsOwnChoices(AlmabDcVariant variant)
    {
        foreach (int shortlist in new[] { 1, 5 })
        {
            var opt = new AlmabDcOptimizer(Branin.Space, new Seed(4), OptimizerRuns.Fast(variant) with { ShortlistSize = shortlist });
            for (int i = 0; i < 25; i++)
            {
                var t = opt.Ask(1)[0];
                opt.Tell(t, new Observation(Branin.ValueAt(t.Configuration.Values)));
            }

            var d = opt.Diagnostics;
            if (variant is AlmabDcVariant.Ucb or AlmabDcVariant.Thompson)
            {
                Assert.InRange(d.Choices, 10, 25); // every decision after the random initial design
                Assert.True(d.OneRegion + d.Overrides <= d.Choices, $"{d}");
                if (shortlist == 1)
                {
                    Assert.Equal(d.Choices, d.OneRegion);
                    Assert.Equal(0, d.Overrides);
                }
            }
            else
            {
                Assert.Equal(default, d);
            }
        }
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
        var space = Branin.Space;
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
        string[] names = variants.Select(v => new AlmabDcOptimizer(RandomSearchContractTests.Mixed, new Seed(1), new AlmabDcOptions { Variant = v }).Name).ToArray();
        Assert.Equal(["almab-dc-ucb", "almab-dc-ts", "almab-dc-no-mab", "almab-dc-no-al", "pure-bo"], names);
    }
}
