using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Acquisitions;

/// <summary>Reusable prediction buffers so repeated scoring allocates only when the candidate set grows.</summary>
internal static class AcquisitionBuffers
{
    /// <summary>Grows the buffers to the candidate count if needed and fills them with the posterior mean and variance.</summary>
    public static void Predict(ISurrogate model, IReadOnlyList<double[]> candidates, ref double[] mean, ref double[] variance)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(candidates);
        if (mean.Length < candidates.Count)
        {
            mean = new double[candidates.Count];
            variance = new double[candidates.Count];
        }

        model.Predict(candidates, mean, variance);
    }
}
