using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Acquisitions;

/// <summary>
/// Thompson sampling on a finite candidate set (ALMAB-DC sections 2.1 and 2.3): one joint draw
/// f ~ N(mu, Sigma) of the latent function at all candidates, with Sigma from
/// <see cref="ISurrogate.PredictCovariance"/> factored by Cholesky (diagonal jitter grown from 1e-10 of the mean
/// variance until positive definite); score = -f (minimization). Costs O(n^3) in the number of candidates,
/// so it is meant for candidate sets of at most a few hundred points.
/// </summary>
public sealed class ThompsonSample : IAcquisition
{
    /// <inheritdoc />
    public string Name => "thompson";

    /// <inheritdoc />
    public void Score(ISurrogate model, IReadOnlyList<double[]> candidates, AcquisitionContext context, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(context);
        int n = candidates.Count;
        if (n == 0)
        {
            return;
        }

        var mean = new double[n];
        var variance = new double[n];
        model.Predict(candidates, mean, variance);
        var cov = new double[n, n];
        model.PredictCovariance(candidates, candidates, cov);
        double[,] lower = JitteredCholesky.Factor(cov);
        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = context.Rng.NextGaussian();
        }

        for (int i = 0; i < n; i++)
        {
            double f = mean[i];
            for (int k = 0; k <= i; k++)
            {
                f += lower[i, k] * z[k];
            }

            scores[i] = -f;
        }
    }
}
