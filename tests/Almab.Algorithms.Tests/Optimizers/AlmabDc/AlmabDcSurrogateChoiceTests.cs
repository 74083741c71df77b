using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.TestFunctions;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;
using Almab.Algorithms.Surrogates.Forest;
using Almab.Algorithms.Surrogates.Neural;

namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>ALMAB-DC runs any <see cref="ISurrogate"/> through <see cref="AlmabDcOptions.Surrogate"/> (Appendix C).</summary>
public sealed class AlmabDcSurrogateChoiceTests
{
    public static TheoryData<string> Kinds() => ["rf", "mlp"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheFactorysSurrogateIsUsedWithPendingBatchesAndBeatsTheInitialDesign(string kind)
    {
        Func<int, Seed, ISurrogate> factory = kind == "rf"
            ? (d, s) => new RandomForestSurrogate(d, new RandomForestOptions { Trees = 30, Seed = s })
            : (d, s) => new MlpEnsembleSurrogate(d, new MlpEnsembleOptions { Members = 3, Hidden = [16], Epochs = 150, AddSteps = 10, Seed = s });
        var objective = new Branin();
        var opt = new AlmabDcOptimizer(objective.Space, new Seed(3), OptimizerRuns.Fast(AlmabDcVariant.Ucb) with { Surrogate = factory });
        var rng = new Rng(4);
        double bestInitial = double.PositiveInfinity;
        for (int round = 0; round < 8; round++)
        {
            var trials = opt.Ask(3); // three pending at once: fantasies go through the ensemble
            foreach (var t in trials)
            {
                var o = objective.Evaluate(t.Configuration, 1.0, rng);
                opt.Tell(t, o);
                if (round == 0)
                {
                    bestInitial = Math.Min(bestInitial, o.Value);
                }
            }
        }

        Assert.IsType(kind == "rf" ? typeof(RandomForestSurrogate) : typeof(MlpEnsembleSurrogate), opt.Surrogate);
        Assert.Equal(24, opt.ObservationCount);
        Assert.True(opt.BestValue < bestInitial, $"{kind}: best {opt.BestValue} after 24 evaluations, {bestInitial} in the first round");
    }
}
