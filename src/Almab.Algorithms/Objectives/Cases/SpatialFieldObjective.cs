using Almab.Algorithms.Randomness;
using Almab.Algorithms.Spaces;
using MathNet.Numerics.LinearAlgebra;

namespace Almab.Algorithms.Objectives.Cases;

/// <summary>
/// Case 5 of ALMAB-DC (section 3.10): a latent field Z on an n x n grid over [0, 1]^2 drawn from a zero-mean
/// GP with the Matérn-3/2 kernel of eq. (9) (length-scale 0.35, variance 1), observed with N(0, 0.2^2) noise.
/// One field per replicate: the field is a pure function of the seed given to the constructor.
/// The quantity to minimize is integrated posterior variance, which depends on where one samples, not on
/// the values; the value returned is the observation (its sign is irrelevant to the design).
/// Protocol note (our reading): grid coordinates are the cell centres (i + 0.5)/n; see the case file.
/// </summary>
public sealed class SpatialFieldObjective : IObjective
{
    private readonly double[] _field;
    private readonly int _side;

    /// <summary>Draws the field for one replicate.</summary>
    /// <param name="fieldSeed">Seed of this replicate's field (common to all methods).</param>
    /// <param name="side">Grid side n (paper: 8).</param>
    /// <param name="lengthScale">Matérn-3/2 length-scale (paper: 0.35).</param>
    /// <param name="variance">Marginal variance (paper: 1.0).</param>
    /// <param name="noiseSd">Observation noise sd (paper: 0.2).</param>
    /// <param name="costSeconds">Virtual seconds per sensor deployment on a unit-speed worker.</param>
    public SpatialFieldObjective(Seed fieldSeed, int side = 8, double lengthScale = 0.35, double variance = 1.0, double noiseSd = 0.2, double costSeconds = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lengthScale);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variance);
        ArgumentOutOfRangeException.ThrowIfNegative(noiseSd);
        _side = side;
        LengthScale = lengthScale;
        Variance = variance;
        NoiseSd = noiseSd;
        CostSeconds = costSeconds;
        var levels = Enumerable.Range(0, side).Select(i => (i + 0.5) / side).ToArray();
        Space = new SearchSpace([Parameter.Grid("s1", levels), Parameter.Grid("s2", levels)]);
        Points = levels.SelectMany(a => levels.Select(b => new[] { a, b })).ToArray();

        int n = Points.Count;
        var k = Matrix<double>.Build.Dense(n, n, (i, j) => Kernel(Points[i], Points[j]) + (i == j ? 1e-10 : 0));
        var chol = k.Cholesky().Factor;
        var rng = fieldSeed.CreateRng();
        var z = Vector<double>.Build.Dense(n, _ => rng.NextGaussian());
        _field = (chol * z).ToArray();
    }

    /// <inheritdoc />
    public string Name => "spatial-field";

    /// <inheritdoc />
    public SearchSpace Space { get; }

    /// <summary>The grid locations in row-major order (s1 outer, s2 inner), native coordinates.</summary>
    public IReadOnlyList<double[]> Points { get; }

    /// <summary>Matérn-3/2 length-scale.</summary>
    public double LengthScale { get; }

    /// <summary>Marginal variance sigma_f^2.</summary>
    public double Variance { get; }

    /// <summary>Observation noise sd sigma_n.</summary>
    public double NoiseSd { get; }

    /// <summary>Virtual seconds per evaluation.</summary>
    public double CostSeconds { get; }

    /// <inheritdoc />
    public double? OptimalValue => null;

    /// <summary>The latent field value at grid point <paramref name="index"/>.</summary>
    public double FieldAt(int index) => _field[index];

    /// <summary>Grid index of a configuration.</summary>
    public int IndexOf(Configuration configuration) =>
        Space.Parameters[0].Levels.IndexOf(configuration[0]) * _side + Space.Parameters[1].Levels.IndexOf(configuration[1]);

    /// <summary>Matérn-3/2 covariance of eq. (9).</summary>
    public double Kernel(double[] a, double[] b)
    {
        double dx = a[0] - b[0], dy = a[1] - b[1];
        double z = Math.Sqrt(3.0) * Math.Sqrt(dx * dx + dy * dy) / LengthScale;
        return Variance * (1 + z) * Math.Exp(-z);
    }

    /// <inheritdoc />
    public Observation Evaluate(Configuration configuration, double fidelity, Rng rng)
    {
        double z = _field[IndexOf(configuration)];
        return new Observation(z + NoiseSd * rng.NextGaussian(), z, CostSeconds);
    }
}
