using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Objectives.TestFunctions;

/// <summary>
/// Branin-Hoo function on x1 in [-5, 10], x2 in [0, 15]:
/// f = (x2 - 5.1 x1^2 / (4 pi^2) + 5 x1 / pi - 6)^2 + 10 (1 - 1 / (8 pi)) cos x1 + 10.
/// Three global minima f* = 5 / (4 pi) = 0.397887... at (-pi, 12.275), (pi, 2.275), (3 pi, 2.475).
/// </summary>
public sealed class Branin : TestFunctionObjective
{
    private static readonly double[][] Minima = [[-Math.PI, 12.275], [Math.PI, 2.275], [3 * Math.PI, 2.475]];

    /// <summary>Creates the function with optional Gaussian observation noise.</summary>
    /// <param name="noiseSd">Observation noise standard deviation (0 = noise-free).</param>
    /// <param name="costSeconds">Virtual seconds per evaluation.</param>
    public Branin(double noiseSd = 0, double costSeconds = 1.0)
        : base("branin", new SearchSpace([Parameter.Float("x1", -5, 10), Parameter.Float("x2", 0, 15)]), 5.0 / (4.0 * Math.PI), noiseSd, costSeconds)
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<double[]> Minimizers => Minima;

    /// <inheritdoc />
    public override double ValueAt(ReadOnlySpan<double> x)
    {
        double x1 = x[0], x2 = x[1];
        double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - t) * Math.Cos(x1) + 10;
    }
}
