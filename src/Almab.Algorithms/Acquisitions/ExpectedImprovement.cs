using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.Acquisitions;

/// <summary>
/// Expected improvement below the incumbent (ALMAB-DC sections 2.1 and 2.5), minimization:
/// with I = best - xi - mu(x) and z = I / sigma(x), EI = I Phi(z) + sigma(x) phi(z) = sigma (z Phi(z) + phi(z));
/// EI = max(I, 0) when sigma = 0. The lower tail is computed without cancellation (see GaussianMath).
/// The incumbent is <see cref="AcquisitionContext.BestObserved"/>.
/// </summary>
public sealed class ExpectedImprovement : IAcquisition
{

    /// <summary>Creates EI with improvement margin <paramref name="xi"/> &gt;= 0 (output units).</summary>
    public ExpectedImprovement(double xi = 0.0)
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
    public string Name => "ei";

    /// <inheritdoc />
    public void Score(ISurrogate model, IReadOnlyList<double[]> candidates, AcquisitionContext context, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var posterior = AcquisitionBuffers.Predict(model, candidates);
        for (int i = 0; i < candidates.Count; i++)
        {
            scores[i] = Value(context.BestObserved - Xi - posterior.Mean[i], Math.Sqrt(posterior.Variance[i]));
        }
    }

    /// <summary>EI for improvement I = best - xi - mu and posterior standard deviation <paramref name="sd"/>.</summary>
    public static double Value(double improvement, double sd)
    {
        if (!(sd > 0))
        {
            return Math.Max(improvement, 0.0);
        }

        return sd * GaussianMath.ImprovementFactor(improvement / sd);
    }
}
