using System.Globalization;

namespace Almab.Algorithms.Objectives.TestFunctions;

/// <summary>
/// Rosenbrock function on [-5, 10]^d (the domain of Surjanovic and Bingham's library):
/// f = sum_{i=1}^{d-1} [100 (x_{i+1} - x_i^2)^2 + (x_i - 1)^2]. Global minimum f* = 0 at (1, ..., 1).
/// </summary>
public sealed class Rosenbrock : TestFunctionObjective
{
    private readonly double[][] _minima;

    /// <summary>Creates the d-dimensional function with optional Gaussian observation noise.</summary>
    /// <param name="dimension">Number of inputs d (at least 2).</param>
    /// <param name="noiseSd">Observation noise standard deviation (0 = noise-free).</param>
    /// <param name="costSeconds">Virtual seconds per evaluation.</param>
    public Rosenbrock(int dimension, double noiseSd = 0, double costSeconds = 1.0)
        : base("rosenbrock-" + Checked(dimension).ToString(CultureInfo.InvariantCulture), Box(dimension, -5, 10), 0.0, noiseSd, costSeconds)
    {
        var ones = new double[dimension];
        Array.Fill(ones, 1.0);
        _minima = [ones];
    }

    /// <inheritdoc />
    public override IReadOnlyList<double[]> Minimizers => _minima;

    /// <inheritdoc />
    public override double ValueAt(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = x[i + 1] - x[i] * x[i];
            double b = x[i] - 1;
            sum += 100 * a * a + b * b;
        }

        return sum;
    }

    private static int Checked(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        return dimension;
    }
}
