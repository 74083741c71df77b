using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Acquisitions;

/// <summary>
/// Max-variance (uncertainty) sampling (ALMAB-DC sections 2.1 and 3.10): score = posterior latent variance sigma^2(x).
/// The "Greedy Max-Variance" rule of case 5.
/// </summary>
public sealed class MaximumVariance : IAcquisition
{

    /// <inheritdoc />
    public string Name => "max-variance";

    /// <inheritdoc />
    public void Score(ISurrogate model, IReadOnlyList<double[]> candidates, AcquisitionContext context, Span<double> scores)
    {
        using var posterior = AcquisitionBuffers.Predict(model, candidates);
        posterior.Variance[..candidates.Count].CopyTo(scores);
    }
}
