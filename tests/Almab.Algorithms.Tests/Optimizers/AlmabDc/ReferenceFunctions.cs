using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Tests.Optimizers.AlmabDc;

/// <summary>
/// Branin and Hartmann-6 (Dixon and Szego 1978; constants as in Surjanovic and Bingham's library), written here so
/// these tests do not wait on the baselines helper. Global minima: 0.397887 (Branin) and -3.32237 (Hartmann-6).
/// </summary>
internal static class ReferenceFunctions
{
    public static readonly SearchSpace BraninSpace = new([Parameter.Float("x1", -5, 10), Parameter.Float("x2", 0, 15)]);

    public static readonly SearchSpace HartmannSpace = new(Enumerable.Range(1, 6).Select(i => Parameter.Float("x" + i, 0, 1)));

    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] A =
    {
        { 10, 3, 17, 3.5, 1.7, 8 },
        { 0.05, 10, 17, 0.1, 8, 14 },
        { 3, 3.5, 1.7, 10, 17, 8 },
        { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] P =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 },
        { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 },
        { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    public static double Branin(Configuration c)
    {
        double x1 = c[0], x2 = c[1];
        double b = 5.1 / (4 * Math.PI * Math.PI), cc = 5 / Math.PI, t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + cc * x1 - 6;
        return u * u + 10 * (1 - t) * Math.Cos(x1) + 10;
    }

    public static double Hartmann6(Configuration c)
    {
        double sum = 0;
        for (int i = 0; i < 4; i++)
        {
            double inner = 0;
            for (int j = 0; j < 6; j++)
            {
                double d = c[j] - P[i, j];
                inner += A[i, j] * d * d;
            }

            sum += Alpha[i] * Math.Exp(-inner);
        }

        return -sum;
    }
}
