using System.Runtime.CompilerServices;

namespace Almab.Algorithms.BestArm.Agents;

/// <summary>
/// UCB (Bubeck et al., 2009, as a BAIwRC baseline in the SH-RR paper, section 7): pull argmax mean + sqrt(a ln t / n),
/// a = 2 by default; recommend the empirical best arm. Ignores consumption.
/// </summary>
public sealed class UcbAgent : UcbFamilyAgent<UnitWeights>
{
    /// <summary>Creates UCB with exploration factor <paramref name="a"/> (the paper's a = 2).</summary>
    public UcbAgent(double a = 2.0) : base(a)
    {
    }

    /// <inheritdoc />
    public override string Name => "ucb";
}

/// <summary>UCB's multiplier: 1 for every arm.</summary>
public struct UnitWeights : IUcbWeights
{
    /// <inheritdoc />
    public readonly void Reset(int arms, int resources)
    {
    }

    /// <inheritdoc />
    public readonly void Observe(int arm, ReadOnlySpan<double> consumption)
    {
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double Weight(int arm, int n, ReadOnlySpan<double> budgets) => 1.0;
}
