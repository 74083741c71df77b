using Almab.Algorithms.Randomness;

namespace Almab.Sim.Cluster.Workers;

/// <summary>
/// How worker speeds differ: assigns each worker i (0-based; the papers' worker i + 1) a time factor c_i that
/// multiplies every task duration on it (1 = reference speed, 2 = twice as slow). The ATA paper's section 7
/// and 7.1 families are <see cref="SquareRootProfile"/> and <see cref="LinearProfile"/>.
/// </summary>
public abstract record HeterogeneityProfile
{
    /// <summary>Time factors c_0..c_{K-1} (all finite and &gt; 0) for <paramref name="workers"/> workers.</summary>
    /// <param name="workers">Number of workers K &gt;= 1.</param>
    /// <param name="seed">Stream for random profiles; deterministic profiles ignore it.</param>
    public double[] TimeFactors(int workers, Seed seed)
    {
        if (workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, $"workers must be >= 1, got {workers}.");
        }

        var factors = new double[workers];
        Fill(factors, seed);
        return factors;
    }

    /// <summary>Writes the factors of <c>factors.Length</c> workers.</summary>
    protected abstract void Fill(Span<double> factors, Seed seed);
}
