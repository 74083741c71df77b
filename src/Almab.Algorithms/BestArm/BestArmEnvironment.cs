using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.BestArm;

/// <summary>
/// Draws the outcome of one pull of a <see cref="BestArmInstance"/> under a <see cref="ConsumptionModel"/>:
/// a Bernoulli reward and a consumption vector (SH-RR paper, section 3 and appendix C). Holds no per-pull state, so
/// one environment serves every trial of a cell; the caller owns the generator.
/// </summary>
public sealed class BestArmEnvironment
{
    private readonly double[] _means;
    private readonly double[] _consumption;
    private readonly int _arms;
    private readonly int _resources;

    /// <summary>Creates the sampler.</summary>
    public BestArmEnvironment(BestArmInstance instance, ConsumptionModel model)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!Enum.IsDefined(model))
        {
            throw new ArgumentOutOfRangeException(nameof(model), model, "unknown consumption model");
        }

        Instance = instance;
        Model = model;
        _means = instance.Means.ToArray();
        _consumption = instance.Consumption.ToArray();
        _arms = instance.Arms;
        _resources = instance.Resources;
    }

    /// <summary>The instance.</summary>
    public BestArmInstance Instance { get; }

    /// <summary>The consumption model.</summary>
    public ConsumptionModel Model { get; }

    /// <summary>
    /// Pulls arm <paramref name="arm"/> (an index of the instance, not of a shuffled order): writes the consumption of
    /// each resource into <paramref name="consumption"/> (length &gt;= L, each in [0, 1]) and returns the reward (0 or 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Pull(int arm, Rng rng, Span<double> consumption)
    {
        double[] d = _consumption;
        switch (Model)
        {
            case ConsumptionModel.Deterministic:
                for (int l = 0; l < _resources; l++)
                {
                    consumption[l] = d[l * _arms + arm];
                }

                return Bernoulli(rng.NextDouble(), _means[arm]);
            case ConsumptionModel.Uncorrelated:
            {
                double reward = Bernoulli(rng.NextDouble(), _means[arm]);
                for (int l = 0; l < _resources; l++)
                {
                    consumption[l] = Bernoulli(rng.NextDouble(), d[l * _arms + arm]);
                }

                return reward;
            }
            default:
            {
                double u = rng.NextDouble();
                for (int l = 0; l < _resources; l++)
                {
                    consumption[l] = Bernoulli(u, d[l * _arms + arm]);
                }

                return Bernoulli(u, _means[arm]);
            }
        }
    }

    /// <summary>
    /// 1.0 if <paramref name="u"/> &lt; <paramref name="p"/>, else 0.0, without a branch: the compare mask ANDed with
    /// 1.0 (a branch on the draw mispredicts about min(p, 1 − p) of the time).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Bernoulli(double u, double p) =>
        (Vector128.LessThan(Vector128.CreateScalarUnsafe(u), Vector128.CreateScalarUnsafe(p)) & Vector128.CreateScalarUnsafe(1.0)).ToScalar();
}
