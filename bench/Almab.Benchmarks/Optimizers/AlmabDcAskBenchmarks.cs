using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Surrogates;
using BenchmarkDotNet.Attributes;

namespace Almab.Benchmarks.Optimizers;

/// <summary>
/// One decision of the ALMAB-DC pipeline (sections 2.1-2.3): Ask(1) on a 6-d continuous space after 50 observations,
/// with 0 or 3 evaluations pending - pool refresh (512 candidates), Kriging-believer fantasies, acquisition
/// scoring, diversity penalty, shortlist and bandit choice - for every variant: UCB and TS bandits, the "no MAB" and
/// "no AL" ablations (no AL has no surrogate: a UCB1 region choice and a uniform point in it) and pure BO. Ask changes
/// the optimizer's state, so every measured invocation gets a freshly built optimizer (iteration setup, one
/// invocation per iteration).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class AlmabDcAskBenchmarks
{
    private static readonly SearchSpace Space = new(Enumerable.Range(1, 6).Select(i => Parameter.Float("x" + i, 0, 1)));
    private AlmabDcOptimizer _optimizer = null!;

    /// <summary>Method variant.</summary>
    [Params(AlmabDcVariant.Ucb, AlmabDcVariant.Thompson, AlmabDcVariant.NoMab, AlmabDcVariant.NoAl, AlmabDcVariant.PureBo)]
    public AlmabDcVariant Variant { get; set; }

    /// <summary>Trials outstanding when Ask is called.</summary>
    [Params(0, 3)]
    public int Pending { get; set; }

    /// <summary>Builds an optimizer that has seen 50 observations of a smooth test function and has Pending asks outstanding.</summary>
    [IterationSetup]
    public void Setup()
    {
        _optimizer = new AlmabDcOptimizer(Space, new Seed(20260301), new AlmabDcOptions
        {
            Variant = Variant,
            RefitEvery = 25,
            Gp = new GaussianProcessOptions { Restarts = 1 },
        });
        for (int t = 0; t < 50; t++)
        {
            Trial trial = _optimizer.Ask(1)[0];
            _optimizer.Tell(trial, new Observation(Value(trial.Configuration)));
        }

        if (Pending > 0)
        {
            _optimizer.Ask(Pending);
        }
    }

    /// <summary>One Ask of a single configuration.</summary>
    [Benchmark]
    public Trial AskOne() => _optimizer.Ask(1)[0];

    private static double Value(Configuration c)
    {
        double s = 0;
        for (int j = 0; j < c.Count; j++)
        {
            double d = c[j] - 0.3 - 0.05 * j;
            s += d * d;
        }

        return s + 0.1 * Math.Sin(10 * c[0]);
    }
}
