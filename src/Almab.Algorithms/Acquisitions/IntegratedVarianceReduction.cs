using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Acquisitions;

/// <summary>
/// Integrated-posterior-variance reduction (ALMAB-DC section 3.10, case 5): the drop in
/// IPV = (1/|S|) sum_{s in S} sigma^2(s) obtained by observing candidate x once with the model's Gaussian noise,
/// score(x) = (1/|S|) sum_s Cov(f(s), f(x))^2 / (sigma^2(x) + sigma_n^2) (rank-one Gaussian conditioning;
/// the drop does not depend on the value that will be observed). S is a fixed reference set, e.g. the 8x8 grid.
/// </summary>
public sealed class IntegratedVarianceReduction : IAcquisition
{
    private readonly IReadOnlyList<double[]> _reference;

    // One covariance buffer per thread, reused while the shape stays the same: case 5 scores the whole 8 x 8 grid
    // against itself at every decision, and a fresh 64 x 64 array each time made the garbage collector the limit
    // of the parallel runner. The acquisition itself stays stateless, so one instance may serve several threads.
    [ThreadStatic]
    private static double[,]? t_cov;

    /// <summary>Creates the acquisition over the reference set <paramref name="reference"/> (unit-cube points).</summary>
    public IntegratedVarianceReduction(IReadOnlyList<double[]> reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Count == 0)
        {
            throw new ArgumentException("The reference set must contain at least one point.", nameof(reference));
        }

        _reference = reference;
    }

    /// <inheritdoc />
    public string Name => "ipv-reduction";

    /// <inheritdoc />
    public void Score(ISurrogate model, IReadOnlyList<double[]> candidates, AcquisitionContext context, Span<double> scores)
    {
        using var posterior = AcquisitionBuffers.Predict(model, candidates);
        int s = _reference.Count;
        var cov = t_cov is { } cached && cached.GetLength(0) == s && cached.GetLength(1) == candidates.Count
            ? cached
            : t_cov = new double[s, candidates.Count];
        model.PredictCovariance(_reference, candidates, cov);
        double noise = model.NoiseVariance;
        for (int j = 0; j < candidates.Count; j++)
        {
            double denominator = posterior.Variance[j] + noise;
            if (!(denominator > 0))
            {
                scores[j] = 0.0;
                continue;
            }

            double sum = 0;
            for (int i = 0; i < s; i++)
            {
                sum += cov[i, j] * cov[i, j];
            }

            scores[j] = sum / denominator / s;
        }
    }
}
