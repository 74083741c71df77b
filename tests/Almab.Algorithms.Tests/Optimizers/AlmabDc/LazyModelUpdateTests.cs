using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.TestFunctions;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>
/// ALMAB-DC applies its GP updates lazily, at the next decision (issue 18's case 1 speed-up). Reading
/// <see cref="AlmabDcOptimizer.Surrogate"/> forces the update, so a run that reads it after every Tell updates eagerly,
/// exactly on the documented schedule (fit during the initial design and every RefitEvery observations, appends between).
/// Both runs must ask for bit-identical configurations and end with a bit-identical posterior, whatever the tell order.
/// </summary>
public sealed class LazyModelUpdateTests
{
    private static readonly Hartmann6 Hartmann = new();

    [Theory]
    [InlineData(AlmabDcVariant.Ucb, 1)]
    [InlineData(AlmabDcVariant.Ucb, 6)]
    [InlineData(AlmabDcVariant.Thompson, 4)]
    [InlineData(AlmabDcVariant.NoMab, 3)]
    public void Lazy_updates_give_the_eager_schedule_bit_for_bit(AlmabDcVariant variant, int workers)
    {
        var (lazyTrials, lazyModel) = Run(variant, workers, eager: false);
        var (eagerTrials, eagerModel) = Run(variant, workers, eager: true);
        Assert.Equal(eagerTrials, lazyTrials);

        var probes = new List<double[]>();
        var rng = new Seed(99).CreateRng();
        for (int i = 0; i < 13; i++)
        {
            probes.Add([.. Enumerable.Range(0, 6).Select(_ => rng.NextDouble())]);
        }

        var (lazyMean, lazyVar) = (new double[13], new double[13]);
        var (eagerMean, eagerVar) = (new double[13], new double[13]);
        lazyModel.Predict(probes, lazyMean, lazyVar);
        eagerModel.Predict(probes, eagerMean, eagerVar);
        Assert.Equal(eagerMean, lazyMean);
        Assert.Equal(eagerVar, lazyVar);
    }

    /// <summary>
    /// An asynchronous run of 40 evaluations with <paramref name="workers"/> outstanding; completions are told in a
    /// seeded random order, up to K of them before the next ask (so lazy updates batch fits and appends).
    /// </summary>
    private static (List<double[]> Trials, ISurrogate Model) Run(AlmabDcVariant variant, int workers, bool eager)
    {
        // Refits every 3 observations and up to K tells per ask: windows hold several fits and appends.
        var opt = new AlmabDcOptimizer(Hartmann.Space, new Seed(7), OptimizerRuns.Fast(variant) with { RefitEvery = 3 });
        var order = new Seed(8).CreateRng();
        var pending = new List<Trial>();
        var asked = new List<double[]>();
        while (asked.Count < 40 || pending.Count > 0)
        {
            int room = Math.Min(workers - pending.Count, 40 - asked.Count);
            foreach (var t in opt.Ask(Math.Max(room, 0)))
            {
                pending.Add(t);
                asked.Add(t.Configuration.Values.ToArray());
            }

            int tells = Math.Min(pending.Count, 1 + order.Next(workers));
            for (int i = 0; i < tells; i++)
            {
                int pick = order.Next(pending.Count);
                var t = pending[pick];
                pending.RemoveAt(pick);
                opt.Tell(t, new Observation(Hartmann.ValueAt(t.Configuration.Values)));
                if (eager)
                {
                    _ = opt.Surrogate;
                }
            }
        }

        return (asked, opt.Surrogate!);
    }
}
