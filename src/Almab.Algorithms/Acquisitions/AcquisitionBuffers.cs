using System.Buffers;
using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Acquisitions;

/// <summary>
/// Prediction buffers rented from the shared array pool, so acquisitions hold no mutable state (one instance may be
/// shared by optimizers running on different threads) and repeated scoring does not allocate.
/// </summary>
internal readonly struct AcquisitionBuffers : IDisposable
{
    private readonly double[] _mean;
    private readonly double[] _variance;

    private AcquisitionBuffers(double[] mean, double[] variance)
    {
        _mean = mean;
        _variance = variance;
    }

    /// <summary>Posterior mean at each candidate.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>Posterior latent variance at each candidate.</summary>
    public ReadOnlySpan<double> Variance => _variance;

    /// <summary>Rents buffers and fills them with the posterior mean and variance of <paramref name="candidates"/>.</summary>
    public static AcquisitionBuffers Predict(ISurrogate model, IReadOnlyList<double[]> candidates)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(candidates);
        var mean = ArrayPool<double>.Shared.Rent(Math.Max(candidates.Count, 1));
        var variance = ArrayPool<double>.Shared.Rent(Math.Max(candidates.Count, 1));
        model.Predict(candidates, mean, variance);
        return new AcquisitionBuffers(mean, variance);
    }

    /// <summary>Returns the buffers to the pool.</summary>
    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_mean);
        ArrayPool<double>.Shared.Return(_variance);
    }
}
