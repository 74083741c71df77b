using MathNet.Numerics;

namespace Almab.Algorithms.Acquisitions;

/// <summary>Standard normal density and distribution function used by the improvement-based acquisitions.</summary>
internal static class GaussianMath
{
    private const double InvSqrt2Pi = 0.39894228040143267794;

    /// <summary>phi(z), the standard normal density.</summary>
    public static double Pdf(double z) => InvSqrt2Pi * Math.Exp(-0.5 * z * z);

    /// <summary>Phi(z) = erfc(-z / sqrt 2) / 2, accurate in both tails.</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2.0));

    /// <summary>
    /// z Phi(z) + phi(z) = EI / sigma, without the cancellation of the direct formula in the lower tail: for
    /// z &lt; -4 it is phi(w) / (D (w + 1/D)) with w = -z and D = w + 2/(w + 3/(w + 4/...)), the continued fraction of
    /// the Mills ratio (Laplace), evaluated backwards to depth 80 (relative error below 1e-15 there).
    /// </summary>
    public static double ImprovementFactor(double z)
    {
        if (z >= -4.0)
        {
            return z * Cdf(z) + Pdf(z);
        }

        double w = -z, tail = w;
        for (int k = 80; k >= 2; k--)
        {
            tail = w + k / tail;
        }

        return Pdf(w) / (tail * (w + 1.0 / tail));
    }
}
