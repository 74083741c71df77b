using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Workers;

/// <summary>
/// Random speeds: c_i = exp(σ Z_i − σ²/2) with Z_i standard normal drawn from <c>seed.Derive("speeds")</c>, so
/// E[c_i] = 1 (the mean task time over random machines equals the reference one). Same seed, same machines.
/// </summary>
public sealed record LogNormalSpeedProfile : HeterogeneityProfile
{
    /// <summary>Creates the profile with log-sd <paramref name="sigma"/> (finite, &gt;= 0; 0 is homogeneous).</summary>
    public LogNormalSpeedProfile(double sigma)
    {
        Sigma = double.IsFinite(sigma) && sigma >= 0.0
            ? sigma
            : throw new ArgumentOutOfRangeException(nameof(sigma), sigma, $"sigma must be finite and >= 0, got {sigma}.");
    }

    /// <summary>Standard deviation of ln c_i.</summary>
    public double Sigma { get; }

    /// <inheritdoc />
    protected override void Fill(Span<double> factors, Seed seed)
    {
        var rng = seed.Derive("speeds").CreateRng();
        for (int i = 0; i < factors.Length; i++)
        {
            factors[i] = Math.Exp(Sigma * rng.NextGaussian() - 0.5 * Sigma * Sigma);
        }
    }
}
