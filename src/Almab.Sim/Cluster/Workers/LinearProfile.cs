using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Workers;

/// <summary>c_i = i + 1: the ATA paper's section 7.1 (29 i + Exp(29 i)) and 7.2 (Exp(2 i)) workers.</summary>
public sealed record LinearProfile : HeterogeneityProfile
{
    /// <inheritdoc />
    protected override void Fill(Span<double> factors, Seed seed)
    {
        for (int i = 0; i < factors.Length; i++)
        {
            factors[i] = i + 1;
        }
    }
}
