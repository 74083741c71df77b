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
}
