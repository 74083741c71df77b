using Almab.Algorithms.Randomness;

namespace Almab.Experiments.Ata;

/// <summary>
/// The ATA paper's section 7 problem: f(x) = ½ xᵀAx − bᵀx with A = ¼ tridiag(−1, 2, −1) and b = ¼ (−1, 0, …, 0),
/// minimized by minibatch SGD whose gradients carry Gaussian noise with E‖g − ∇f‖² = σ² (σ = 0.01).
/// Protocol notes (the paper does not state them): dimension d = 32, x₀ = 0, step size γ = 1 (= 1/L up to
/// L = λ_max(A) &lt; 1), and the B gradients of a round are averaged, so one Gaussian vector with per-coordinate
/// sd σ/√(dB) stands for their mean. The gradient noise depends only on (seed, round), not on which worker computed
/// which gradient, so every allocation policy needs the same number of rounds for a seed (common random numbers);
/// only the time those rounds take differs.
/// </summary>
public sealed class AtaQuadratic
{
    private readonly double[] _xStar;

    /// <summary>Creates the problem in <paramref name="dimension"/> dimensions.</summary>
    public AtaQuadratic(int dimension = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        Dimension = dimension;
        _xStar = SolveTridiagonal(dimension);
        var b = new double[dimension];
        b[0] = -0.25;
        OptimalValue = -0.5 * Dot(b, _xStar);
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>f* = −½ bᵀx*.</summary>
    public double OptimalValue { get; }

    /// <summary>f(x).</summary>
    public double Value(ReadOnlySpan<double> x)
    {
        double quad = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double ax = 0.5 * x[i] - 0.25 * ((i > 0 ? x[i - 1] : 0) + (i < x.Length - 1 ? x[i + 1] : 0));
            quad += x[i] * ax;
        }

        return 0.5 * quad + 0.25 * x[0];
    }

    /// <summary>
    /// Rounds of minibatch SGD (B gradients per round) until f(x) − f* &lt; <paramref name="tolerance"/>; at most
    /// <paramref name="maxRounds"/> (then that number is returned).
    /// </summary>
    public int RoundsToTolerance(int batch, Seed seed, double tolerance = 1e-5, double noiseSd = 0.01, double stepSize = 1.0, int maxRounds = 1_000_000) =>
        Trajectory(batch, seed, tolerance, noiseSd, stepSize, maxRounds).Length;

    /// <summary>f(x_k) − f* after each round k = 1, 2, … of the same SGD run, up to and including the round that reaches the tolerance.</summary>
    public double[] Trajectory(int batch, Seed seed, double tolerance = 1e-5, double noiseSd = 0.01, double stepSize = 1.0, int maxRounds = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var rng = seed.CreateRng();
        var gaps = new List<double>();
        var x = new double[Dimension];
        var grad = new double[Dimension];
        double sd = noiseSd / Math.Sqrt(Dimension * (double)batch);
        for (int k = 1; k <= maxRounds; k++)
        {
            for (int i = 0; i < Dimension; i++)
            {
                grad[i] = 0.5 * x[i] - 0.25 * ((i > 0 ? x[i - 1] : 0) + (i < Dimension - 1 ? x[i + 1] : 0)) + (i == 0 ? 0.25 : 0) + sd * rng.NextGaussian();
            }

            for (int i = 0; i < Dimension; i++)
            {
                x[i] -= stepSize * grad[i];
            }

            double gap = Value(x) - OptimalValue;
            gaps.Add(gap);
            if (gap < tolerance)
            {
                break;
            }
        }

        return [.. gaps];
    }

    private static double[] SolveTridiagonal(int d)
    {
        // Thomas algorithm for A x = b with A = ¼ tridiag(−1, 2, −1), b = (−¼, 0, …).
        var c = new double[d];
        var r = new double[d];
        double diag = 0.5, off = -0.25;
        c[0] = off / diag;
        r[0] = -0.25 / diag;
        for (int i = 1; i < d; i++)
        {
            double m = diag - off * c[i - 1];
            c[i] = off / m;
            r[i] = (0 - off * r[i - 1]) / m;
        }

        var x = new double[d];
        x[d - 1] = r[d - 1];
        for (int i = d - 2; i >= 0; i--)
        {
            x[i] = r[i] - c[i] * x[i + 1];
        }

        return x;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
