using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Workers;

/// <summary>
/// A fast tier at reference speed (c = 1) and a slow tier with c = <see cref="SlowFactor"/>. The first
/// round(<see cref="FastFraction"/> · K) workers are fast (at least one when the fraction is positive), the rest slow.
/// </summary>
public sealed record TwoTierProfile : HeterogeneityProfile
{
    /// <summary>Creates the profile; <paramref name="fastFraction"/> in [0, 1], <paramref name="slowFactor"/> &gt;= 1.</summary>
    public TwoTierProfile(double fastFraction, double slowFactor)
    {
        FastFraction = fastFraction is >= 0.0 and <= 1.0
            ? fastFraction
            : throw new ArgumentOutOfRangeException(nameof(fastFraction), fastFraction, $"fastFraction must be in [0, 1], got {fastFraction}.");
        SlowFactor = double.IsFinite(slowFactor) && slowFactor >= 1.0
            ? slowFactor
            : throw new ArgumentOutOfRangeException(nameof(slowFactor), slowFactor, $"slowFactor must be finite and >= 1, got {slowFactor}.");
    }

    /// <summary>Share of fast workers in [0, 1].</summary>
    public double FastFraction { get; }

    /// <summary>Time factor of a slow worker (&gt;= 1).</summary>
    public double SlowFactor { get; }

    /// <summary>Number of fast workers among <paramref name="workers"/>.</summary>
    public int FastCount(int workers)
    {
        int fast = (int)Math.Round(FastFraction * workers, MidpointRounding.AwayFromZero);
        return FastFraction > 0.0 ? Math.Max(1, fast) : 0;
    }

    /// <inheritdoc />
    protected override void Fill(Span<double> factors, Seed seed)
    {
        int fast = FastCount(factors.Length);
        for (int i = 0; i < factors.Length; i++)
        {
            factors[i] = i < fast ? 1.0 : SlowFactor;
        }
    }
}
