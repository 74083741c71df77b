using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Workers;

/// <summary>Every worker at reference speed: c_i = 1.</summary>
public sealed record HomogeneousProfile : HeterogeneityProfile
{
    /// <summary>The single instance.</summary>
    public static readonly HomogeneousProfile Instance = new();

    /// <inheritdoc />
    protected override void Fill(Span<double> factors, Seed seed) => factors.Fill(1.0);
}
