using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Acquisitions;

/// <summary>
/// Probability of improvement below the incumbent (Kushner 1964), minimization:
/// PI = Phi((best - xi - mu(x)) / sigma(x)); with sigma = 0 it is 1 when mu &lt; best - xi, else 0.
/// </summary>
public sealed class ProbabilityOfImprovement : IAcquisition
{

    /// <summary>Creates PI with improvement margin <paramref name="xi"/> &gt;= 0 (output units).</summary>
    public ProbabilityOfImprovement(double xi = 0.0)
    {
        if (!(xi >= 0) || double.IsInfinity(xi))
        {
            throw new ArgumentOutOfRangeException(nameof(xi), xi, "xi must be finite and >= 0.");
        }

        Xi = xi;
    }

    /// <summary>Improvement margin xi (output units).</summary>
    public double Xi { get; }

    /// <inheritdoc />
    public string Name => "pi";

    /// <inheritdoc />
    public void Score(ISurrogate model, IReadOnlyList<double[]> candidates, AcquisitionContext context, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var posterior = AcquisitionBuffers.Predict(model, candidates);
        for (int i = 0; i < candidates.Count; i++)
        {
            double improvement = context.BestObserved - Xi - posterior.Mean[i];
            double sd = Math.Sqrt(posterior.Variance[i]);
            scores[i] = sd > 0 ? GaussianMath.Cdf(improvement / sd) : (improvement > 0 ? 1.0 : 0.0);
        }
    }
}
