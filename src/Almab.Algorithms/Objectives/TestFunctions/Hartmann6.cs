namespace Almab.Algorithms.Objectives.TestFunctions;

/// <summary>
/// Hartmann 6-d function on [0, 1]^6: f = -sum_i alpha_i exp(-sum_j A_ij (x_j - P_ij)^2) with the constants of
/// Dixon and Szegő (1978). Global minimum f* = -3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573).
/// </summary>
public sealed class Hartmann6 : TestFunctionObjective
{
    /// <summary>The published minimum value (Surjanovic and Bingham quote -3.32237).</summary>
    public const double MinimumValue = -3.32236801141551;

    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[] A =
    [
        10, 3, 17, 3.5, 1.7, 8,
        0.05, 10, 17, 0.1, 8, 14,
        3, 3.5, 1.7, 10, 17, 8,
        17, 8, 0.05, 10, 0.1, 14,
    ];

    private static readonly double[] P =
    [
        0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886,
        0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991,
        0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650,
        0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381,
    ];

    private static readonly double[][] Minima = [[0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573]];

    /// <summary>Creates the function with optional Gaussian observation noise.</summary>
    /// <param name="noiseSd">Observation noise standard deviation (0 = noise-free).</param>
    /// <param name="costSeconds">Virtual seconds per evaluation.</param>
    public Hartmann6(double noiseSd = 0, double costSeconds = 1.0)
        : base("hartmann6", Box(6, 0, 1), MinimumValue, noiseSd, costSeconds)
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<double[]> Minimizers => Minima;

    /// <inheritdoc />
    public override double ValueAt(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < 4; i++)
        {
            double inner = 0;
            for (int j = 0; j < 6; j++)
            {
                double d = x[j] - P[6 * i + j];
                inner += A[6 * i + j] * d * d;
            }

            sum += Alpha[i] * Math.Exp(-inner);
        }

        return -sum;
    }
}
