using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Workers;

/// <summary>c_i = sqrt(i + 1): the ATA paper's section 7 workers (29 sqrt(i) + Exp(29 sqrt(i)) with a + Exp(b), a = b = 29).</summary>
public sealed record SquareRootProfile : HeterogeneityProfile
{
    /// <inheritdoc />
    protected override void Fill(Span<double> factors, Seed seed)
    {
        for (int i = 0; i < factors.Length; i++)
        {
            factors[i] = Math.Sqrt(i + 1);
        }
    }
}
