using System.Runtime.CompilerServices;

namespace Almab.Algorithms.BestArm.Agents;

/// <summary>
/// Almab's own resource-aware UCB (not from the SH-RR paper or its peers; untuned): the UCB index divided by the
/// arm's estimated cost, (mean + sqrt(a ln t / n)) / ĉ_k with ĉ_k = Σ_l ((S_{l,k} + 1) / (n_k + 1)) / C_l, the
/// expected fraction of each budget one pull spends, with S_{l,k} the arm's total use of resource l. The +1/+1
/// (one pseudo-pull consuming a full unit) keeps ĉ_k &gt; 0 when Bernoulli consumption has shown no use yet; it is
/// a convention, not a tuned constant. The recommendation is the empirical best arm, as for UCB.
/// </summary>
public sealed class ResourceAwareUcbAgent : UcbFamilyAgent<CostWeights>
{
    /// <summary>Creates the agent with exploration factor <paramref name="a"/> (2, as UCB).</summary>
    public ResourceAwareUcbAgent(double a = 2.0) : base(a)
    {
    }

    /// <inheritdoc />
    public override string Name => "ra-ucb";
}

/// <summary>
/// RA-UCB's multiplier 1 / ĉ_k, ĉ_k = Σ_l ((S_{l,k} + 1) / (n_k + 1)) / C_l. The uses are stored arm-major (an arm's L
/// totals side by side), and the sum starts from the first term instead of 0 + it (the same value: every term is &gt; 0).
/// </summary>
public struct CostWeights : IUcbWeights
{
    private double[] _use;
    private int _resources;

    /// <inheritdoc />
    public void Reset(int arms, int resources)
    {
        _resources = resources;
        if (_use is null || _use.Length < arms * resources)
        {
            _use = new double[arms * resources];
        }

        Array.Clear(_use, 0, arms * resources);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Observe(int arm, ReadOnlySpan<double> consumption)
    {
        double[] use = _use;
        int at = arm * _resources;
        for (int l = 0; l < consumption.Length; l++)
        {
            use[at + l] += consumption[l];
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double Weight(int arm, int n, ReadOnlySpan<double> budgets)
    {
        double[] use = _use;
        int at = arm * _resources;
        double n1 = n + 1.0;
        double cost = (use[at] + 1.0) / n1 / budgets[0];
        for (int l = 1; l < budgets.Length; l++)
        {
            cost += (use[at + l] + 1.0) / n1 / budgets[l];
        }

        return 1.0 / cost;
    }
}
