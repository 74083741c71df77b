namespace Almab.Algorithms.Sgd;

/// <summary>
/// The ATA paper's section 7 objective f(x) = ½ xᵀAx − bᵀx on R^d with A = ¼ tridiag(−1, 2, −1) and
/// b = ¼ (−1, 0, …, 0) (Nesterov's worst-case quadratic). The paper does not state d; callers choose it.
/// </summary>
/// <remarks>
/// Closed forms used by the tests: A = T/4 with T = tridiag(−1, 2, −1), (T⁻¹)_{1j} = (d + 1 − j)/(d + 1), so
/// x* = −T⁻¹e₁ has x*_j = −(d + 1 − j)/(d + 1) and f* = −½ bᵀx* = −d / (8 (d + 1)); the eigenvalues are
/// sin²(jπ / (2(d + 1))), so the smoothness constant L = λ_max &lt; 1.
/// </remarks>
public sealed class TridiagonalQuadratic
{
    private readonly double[] _minimizer;

    /// <summary>Creates the objective in <paramref name="dimension"/> &gt;= 2 dimensions.</summary>
    public TridiagonalQuadratic(int dimension)
    {
        if (dimension < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension d must be >= 2.");
        }

        Dimension = dimension;
        _minimizer = new double[dimension];
        for (int j = 0; j < dimension; j++)
        {
            _minimizer[j] = -(dimension - j) / (dimension + 1.0);
        }

        OptimalValue = -dimension / (8.0 * (dimension + 1.0));
        LargestEigenvalue = Math.Pow(Math.Sin(dimension * Math.PI / (2.0 * (dimension + 1.0))), 2);
        SmallestEigenvalue = Math.Pow(Math.Sin(Math.PI / (2.0 * (dimension + 1.0))), 2);
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>f* = −d / (8 (d + 1)).</summary>
    public double OptimalValue { get; }

    /// <summary>λ_max(A) = sin²(dπ / (2(d + 1))), the smoothness constant L.</summary>
    public double LargestEigenvalue { get; }

    /// <summary>λ_min(A) = sin²(π / (2(d + 1))), the strong-convexity constant.</summary>
    public double SmallestEigenvalue { get; }

    /// <summary>A copy of x* (x*_j = −(d + 1 − j)/(d + 1), j = 1..d).</summary>
    public double[] Minimizer() => (double[])_minimizer.Clone();

    /// <summary>f(x).</summary>
    public double Value(ReadOnlySpan<double> x)
    {
        CheckLength(x.Length);
        double quad = 0.0;
        int d = Dimension;
        for (int i = 0; i < d; i++)
        {
            double ax = (0.5 * x[i]) - (0.25 * ((i > 0 ? x[i - 1] : 0.0) + (i < d - 1 ? x[i + 1] : 0.0)));
            quad += x[i] * ax;
        }

        return (0.5 * quad) + (0.25 * x[0]);
    }

    /// <summary>∇f(x) = Ax − b written into <paramref name="gradient"/>.</summary>
    public void Gradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        CheckLength(x.Length);
        CheckLength(gradient.Length);
        int d = Dimension;
        for (int i = 0; i < d; i++)
        {
            gradient[i] = (0.5 * x[i]) - (0.25 * ((i > 0 ? x[i - 1] : 0.0) + (i < d - 1 ? x[i + 1] : 0.0)));
        }

        gradient[0] += 0.25;
    }

    private void CheckLength(int length)
    {
        if (length != Dimension)
        {
            throw new ArgumentException($"Vector has {length} entries; the quadratic has d = {Dimension}.");
        }
    }
}
