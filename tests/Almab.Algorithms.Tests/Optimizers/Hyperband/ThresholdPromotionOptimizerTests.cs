using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Hyperband;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Contract;
using Almab.Algorithms.Tests.Optimizers.Tpe;

namespace Almab.Algorithms.Tests.Optimizers.Hyperband;

/// <summary>Threshold promotion over a pool of 40 random configurations: the optimizer contract.</summary>
public sealed class ThresholdPromotionContractTests : OptimizerContract
{
    protected override SearchSpace Space => TpeContractTests.Mixed;

    protected override IOptimizer Create(Seed seed)
    {
        var rng = seed.Derive("pool").CreateRng();
        var pool = Enumerable.Range(0, 40).Select(_ => Space.Sample(rng)).ToList();
        return new ThresholdPromotionOptimizer(pool, [1.0 / 9, 1.0 / 3, 1.0]);
    }
}

/// <summary>Promotion rules on hand-computed cases.</summary>
public sealed class ThresholdPromotionOptimizerTests
{
    private static readonly SearchSpace Line = new([Parameter.Float("x", 0, 1)]);

    private static List<Configuration> Pool(params double[] xs) => xs.Select(x => Line.Decode([x])).ToList();

    [Fact]
    public void Fixed_thresholds_promote_exactly_the_configurations_that_pass()
    {
        // Value = x at every fidelity; thresholds 0.5 (level 0 -> 1) and 0.25 (level 1 -> 2).
        var opt = new ThresholdPromotionOptimizer(Pool(0.1, 0.4, 0.7, 0.2), [0.1, 0.5, 1.0], [0.5, 0.25]);
        var full = new List<double>();
        while (opt.Ask(1) is [var t])
        {
            if (t.Fidelity == 1.0)
            {
                full.Add(t.Configuration[0]);
            }

            opt.Tell(t, new Observation(t.Configuration[0]));
        }

        Assert.Equal([0.1, 0.2], full.Order().Select(v => Math.Round(v, 12)));
        Assert.Equal(3 + 2, opt.Promotions); // 0.1, 0.4, 0.2 pass 0.5; then 0.1, 0.2 pass 0.25
    }

    [Fact]
    public void Adaptive_threshold_is_the_running_quantile_and_failures_are_never_promoted()
    {
        var opt = new ThresholdPromotionOptimizer(Pool(0.9, 0.3, 0.6, 0.1, 0.5, 0.2), [0.5, 1.0], promotionFraction: 0.5);
        var asked = opt.Ask(6);
        Assert.All(asked, t => Assert.Equal(0.5, t.Fidelity));
        opt.Tell(asked[0], new Observation(0.9)); // seen [0.9]: k = 1, threshold 0.9: promoted
        opt.Tell(asked[1], new Observation(double.NaN, Failed: true)); // failed: dropped
        opt.Tell(asked[2], new Observation(0.6)); // seen [0.6, 0.9]: k = 1, threshold 0.6: promoted
        opt.Tell(asked[3], new Observation(0.8)); // seen [0.6, 0.8, 0.9]: threshold 0.6: not promoted
        Assert.Equal(0.6, opt.Threshold(0));
        Assert.Equal(2, opt.Promotions);
        var next = opt.Ask(5);
        Assert.Equal(2, next.Count);
        Assert.All(next, t => Assert.Equal(1.0, t.Fidelity));
    }

    [Fact]
    public void Bad_settings_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new ThresholdPromotionOptimizer(Pool(0.1), [0.5, 0.2]));
        Assert.Throws<ArgumentException>(() => new ThresholdPromotionOptimizer(Pool(0.1), [0.5, 1.0], [0.1, 0.2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThresholdPromotionOptimizer(Pool(0.1), [0.5, 1.0], promotionFraction: 0));
    }
}
