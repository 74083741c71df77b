using Almab.Algorithms.Bandits;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.AlmabDc;

namespace Almab.Experiments.Papers.AlmabDc.Methods;

/// <summary>ALMAB-DC and its ablations (ALMAB-DC sections 2.1-2.6, 3.5), configured from the case's surrogate spec.</summary>
public static class AlmabDcMethods
{
    /// <summary>Registers almab-dc-ucb, almab-dc-ts, almab-dc-no-mab, almab-dc-no-al, pure-bo and ucb-averaging.</summary>
    public static void Register(MethodRegistry registry)
    {
        registry.Add(new("almab-dc-ucb", "ALMAB-DC: GP acquisition shortlist, UCB bandit controller over regions, async dispatch", c => Create(c, AlmabDcVariant.Ucb)));
        registry.Add(new("almab-dc-ts", "ALMAB-DC with a Thompson-sampling bandit controller", c => Create(c, AlmabDcVariant.Thompson)));
        registry.Add(new("almab-dc-no-mab", "ablation: top acquisition candidates chosen uniformly (no bandit)", c => Create(c, AlmabDcVariant.NoMab)));
        registry.Add(new("almab-dc-no-al", "ablation: random candidates, UCB scheduling (no active learning)", c => Create(c, AlmabDcVariant.NoAl)));
        registry.Add(new("pure-bo", "GP-UCB batch Bayesian optimization without the bandit layer", c => Create(c, AlmabDcVariant.PureBo)));
        registry.Add(new("almab-dc-ucb-rf", "Appendix C: ALMAB-DC (UCB) with a random-forest surrogate (100 trees) in place of the GP",
            c => Create(c, AlmabDcVariant.Ucb, SurrogateChoice.Factory("rf", 1))));
        registry.Add(new("almab-dc-ucb-mlp", "Appendix C: ALMAB-DC (UCB) with a deep ensemble of 5 MLPs in place of the GP",
            c => Create(c, AlmabDcVariant.Ucb, SurrogateChoice.Factory("mlp", 1))));
        registry.Add(new("ucb-averaging", "section 2.6: UCB1 over the arms, K agents evaluate the chosen arm and average (eq. 8)", CreateAveraging));
    }

    /// <summary>The ALMAB-DC optimizer of a variant, with the case's GP or the given surrogate factory.</summary>
    public static IOptimizer Create(MethodContext context, AlmabDcVariant variant, Func<int, Algorithms.Randomness.Seed, Algorithms.Surrogates.ISurrogate>? surrogate = null)
    {
        var options = new AlmabDcOptions
        {
            Variant = variant,
            Acquisition = CaseSurrogate.Acquisition(context),
            InitialDesign = context.InitialDesign.Count > 0 ? context.InitialDesign : null,
            InitialDesignSize = context.InitialDesign.Count > 0 ? null : InitialSize(context),
            RefitEvery = context.Case.Surrogate.FitHyperparameters ? 10 : 0,
            Gp = CaseSurrogate.GpOptions(context.Case.Surrogate, context.Space, context.Seed.Derive("gp")),
            Surrogate = surrogate,
        };
        return new AlmabDcOptimizer(context.Space, context.Seed, options);
    }

    /// <summary>Random initial design size when the case gives none: the case's count, else max(K, 2d + 1), at most half the budget.</summary>
    private static int InitialSize(MethodContext context)
    {
        int fromCase = context.Case.InitialDesign.Count;
        int size = fromCase > 0 ? fromCase : Math.Max(context.Workers, 2 * context.Space.Dimension + 1);
        return Math.Max(1, Math.Min(size, context.Evaluations / 2));
    }

    private static IOptimizer CreateAveraging(MethodContext context)
    {
        int arms = checked((int)(context.Space.Cardinality ?? throw new ArgumentException("ucb-averaging needs a finite arm set")));
        // The paper gives no UCB constant for section 2.6; the case file's protocol note records c = sqrt(2).
        return new DistributedAveragingOptimizer(context.Space, new Ucb1Policy(arms, Math.Sqrt(2)), "ucb-averaging");
    }
}
