namespace Almab.Algorithms.Optimizers.Baselines;

/// <summary>
/// The 2 x 2 Fisher information of a two-parameter logistic model, sum_i w_i f_i f_i^T with f = (1, x) and
/// w = p (1 - p) (one Bernoulli observation per cohort), stored as its three distinct entries.
/// </summary>
internal struct DoseInformation
{
    public double A11;
    public double A12;
    public double A22;

    /// <summary>Adds the information w f f^T of one observation at <paramref name="dose"/>.</summary>
    public void Add(double weight, double dose)
    {
        A11 += weight;
        A12 += weight * dose;
        A22 += weight * dose * dose;
    }

    public readonly double Determinant => A11 * A22 - A12 * A12;

    /// <summary>det(M + w f f^T), the determinant after one more observation at <paramref name="dose"/>.</summary>
    public readonly double DeterminantWith(double weight, double dose) =>
        (A11 + weight) * (A22 + weight * dose * dose) - (A12 + weight * dose) * (A12 + weight * dose);

    /// <summary>f^T M^-1 f (the standardized variance of the fitted logit at <paramref name="dose"/>).</summary>
    public readonly double Leverage(double dose) => (A22 - 2 * A12 * dose + A11 * dose * dose) / Determinant;
}
