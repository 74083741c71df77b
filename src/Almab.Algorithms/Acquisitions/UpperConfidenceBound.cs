using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Acquisitions;

/// <summary>
/// GP-UCB for minimization (ALMAB-DC sections 2.1 and 3.9): the lower confidence bound mu(x) - sqrt(beta) sigma(x),
/// negated so that a higher score is better: score = -mu(x) + sqrt(beta) sigma(x).
/// Protocol note: the paper's "UCB (beta = 2.0)" is read in the GP-UCB convention of Srinivas et al. (2010), where
/// beta multiplies the variance (so sqrt(beta) multiplies the standard deviation).
/// </summary>
public sealed class UpperConfidenceBound : IAcquisition
{

    /// <summary>Creates the acquisition with exploration weight <paramref name="beta"/> &gt;= 0.</summary>
    public UpperConfidenceBound(double beta = 2.0)
    {
        if (!(beta >= 0) || double.IsInfinity(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be finite and >= 0.");
        }

        Beta = beta;
    }

    /// <summary>Exploration weight beta (multiplies the posterior variance).</summary>
    public double Beta { get; }

    /// <inheritdoc />
    public string Name => "ucb";

    /// <inheritdoc />
    public void Score(ISurrogate model, IReadOnlyList<double[]> candidates, AcquisitionContext context, Span<double> scores)
    {
        using var posterior = AcquisitionBuffers.Predict(model, candidates);
        double k = Math.Sqrt(Beta);
        for (int i = 0; i < candidates.Count; i++)
        {
            scores[i] = -posterior.Mean[i] + k * Math.Sqrt(posterior.Variance[i]);
        }
    }
}
