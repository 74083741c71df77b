using Almab.Algorithms.Optimizers;
using Almab.Algorithms.Optimizers.Hyperband;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using Almab.Algorithms.Tests.Optimizers.Contract;
using Almab.Algorithms.Tests.Optimizers.Tpe;

namespace Almab.Algorithms.Tests.Optimizers.Hyperband;

/// <summary>Hyperband on a mixed space: the optimizer contract.</summary>
public sealed class HyperbandContractTests : OptimizerContract
{
    protected override SearchSpace Space => TpeContractTests.Mixed;

    protected override IOptimizer Create(Seed seed) => new HyperbandOptimizer(Space, seed);
}

/// <summary>Successive halving with a small schedule (R = 9, eta = 3) so the trace crosses rungs and brackets.</summary>
public sealed class SuccessiveHalvingContractTests : OptimizerContract
{
    protected override SearchSpace Space => TpeContractTests.Mixed;

    protected override int TraceLength => 30;

    protected override IOptimizer Create(Seed seed) => new SuccessiveHalvingOptimizer(Space, seed, new HyperbandOptions { MinFidelity = 1.0 / 9 });
}

/// <summary>BOHB with a small schedule (R = 9, eta = 3) and a long enough trace for its models to be used.</summary>
public sealed class BohbContractTests : OptimizerContract
{
    protected override SearchSpace Space => TpeContractTests.Mixed;

    protected override int TraceLength => 60;

    protected override IOptimizer Create(Seed seed) => new BohbOptimizer(Space, seed, new BohbOptions { Hyperband = new HyperbandOptions { MinFidelity = 1.0 / 9 } });
}
