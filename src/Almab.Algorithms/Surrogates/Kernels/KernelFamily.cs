namespace Almab.Algorithms.Surrogates.Kernels;

/// <summary>
/// Stationary covariance families of the Gaussian-process surrogate (ALMAB-DC section 2.2).
/// Each is a function of the ARD-scaled distance r = sqrt(sum_j ((x_j - x'_j) / l_j)^2),
/// with the same parameterisation as scikit-learn's <c>RBF</c> and <c>Matern</c> kernels.
/// </summary>
public enum KernelFamily
{
    /// <summary>Squared exponential (RBF): k(r) = exp(-r^2 / 2).</summary>
    SquaredExponential,

    /// <summary>Matérn nu = 1/2 (exponential): k(r) = exp(-r).</summary>
    Matern12,

    /// <summary>Matérn nu = 3/2: k(r) = (1 + sqrt(3) r) exp(-sqrt(3) r).</summary>
    Matern32,

    /// <summary>Matérn nu = 5/2: k(r) = (1 + sqrt(5) r + 5 r^2 / 3) exp(-sqrt(5) r).</summary>
    Matern52,
}
