using Almab.Algorithms.Acquisitions;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Baselines;
using Almab.Algorithms.Tests.Optimizers.Contract;

namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>
/// The optimizer contract for an ALMAB-DC variant (fast settings, optionally another acquisition) on the mixed space
/// (log float, integer, categorical, float), told a deterministic objective with its optimum inside the space; traces
/// of 15 trials in asks of 1, 2 and 3 reach past the initial design into the model-based choices.
/// </summary>
public abstract class AlmabDcContract(AlmabDcVariant variant, IAcquisition? acquisition = null) : OptimizerContract
{
    /// <inheritdoc />
    protected override SearchSpace Space => RandomSearchContractTests.Mixed;

    /// <inheritdoc />
    protected override int TraceLength => 15;

    /// <inheritdoc />
    protected override IOptimizer Create(Seed seed) =>
        new AlmabDcOptimizer(Space, seed, OptimizerRuns.Fast(variant) with { Acquisition = acquisition });

    /// <inheritdoc />
    protected override Observation Observe(Trial trial, Rng rng) => new(MixedObjective(trial.Configuration));

    /// <summary>Minimum 0 at lr = 10^-2.5, batch = 64, opt = adam, dropout = 0.</summary>
    private static double MixedObjective(Configuration c) =>
        Math.Pow(Math.Log10(c[0]) + 2.5, 2) + Math.Abs(c[1] - 64) / 100.0 + (c[2] == 1 ? 0 : 0.3) + c[3];
}

/// <summary>ALMAB-DC with the UCB controller.</summary>
public sealed class AlmabDcUcbContractTests() : AlmabDcContract(AlmabDcVariant.Ucb);

/// <summary>ALMAB-DC with the Thompson-sampling controller.</summary>
public sealed class AlmabDcThompsonContractTests() : AlmabDcContract(AlmabDcVariant.Thompson);

/// <summary>The "no MAB" ablation.</summary>
public sealed class AlmabDcNoMabContractTests() : AlmabDcContract(AlmabDcVariant.NoMab);

/// <summary>The "no AL" ablation.</summary>
public sealed class AlmabDcNoAlContractTests() : AlmabDcContract(AlmabDcVariant.NoAl);

/// <summary>Pure Bayesian optimization.</summary>
public sealed class AlmabDcPureBoContractTests() : AlmabDcContract(AlmabDcVariant.PureBo);

/// <summary>The acquisition is configurable: the UCB controller with expected improvement instead of the default.</summary>
public sealed class AlmabDcExpectedImprovementContractTests() : AlmabDcContract(AlmabDcVariant.Ucb, new ExpectedImprovement());
