using System.Globalization;

namespace Almab.Algorithms.Objectives.TestFunctions;

/// <summary>
/// Ackley function on [-32.768, 32.768]^d with a = 20, b = 0.2, c = 2 pi:
/// f = -a exp(-b sqrt(mean x_i^2)) - exp(mean cos(c x_i)) + a + e. Global minimum f* = 0 at the origin.
/// </summary>
public sealed class Ackley : TestFunctionObjective
{
    private readonly double[][] _minima;

    /// <summary>Creates the d-dimensional function with optional Gaussian observation noise.</summary>
    /// <param name="dimension">Number of inputs d (at least 1).</param>
    /// <param name="noiseSd">Observation noise standard deviation (0 = noise-free).</param>
    /// <param name="costSeconds">Virtual seconds per evaluation.</param>
    public Ackley(int dimension, double noiseSd = 0, double costSeconds = 1.0)
        : base("ackley-" + Checked(dimension).ToString(CultureInfo.InvariantCulture), Box(dimension, -32.768, 32.768), 0.0, noiseSd, costSeconds)
    {
        _minima = [new double[dimension]];
    }

    /// <inheritdoc />
    public override IReadOnlyList<double[]> Minimizers => _minima;

    /// <inheritdoc />
    public override double ValueAt(ReadOnlySpan<double> x)
    {
        double squares = 0, cosines = 0;
        for (int i = 0; i < x.Length; i++)
        {
            squares += x[i] * x[i];
            cosines += Math.Cos(2 * Math.PI * x[i]);
        }

        // Grouped as (a - a e^..) + (e - e^..) so that both groups are exactly 0 at the origin.
        return (20 - 20 * Math.Exp(-0.2 * Math.Sqrt(squares / x.Length))) + (Math.E - Math.Exp(cosines / x.Length));
    }

    private static int Checked(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        return dimension;
    }
}
