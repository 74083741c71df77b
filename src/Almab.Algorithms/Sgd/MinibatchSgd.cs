using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Sgd;

/// <summary>
/// Minibatch SGD on <see cref="TridiagonalQuadratic"/> (ATA paper, Algorithm 2, line 8): each round averages B
/// stochastic gradients g = ∇f(x) + ξ with E‖ξ‖² = σ² (section 7: σ = 0.01, Gaussian noise) and steps
/// x ← x − γ · mean. Starts at x₀ = 0.
/// </summary>
/// <remarks>
/// Each gradient's noise is N(0, σ²/d · I) (so E‖ξ‖² = σ²); their average is N(0, σ²/(dB) · I), drawn directly as one
/// vector per round from the run's stream. The noise therefore depends only on (seed, round), not on which worker
/// computed which gradient: with synchronous rounds every allocation policy meets the same trajectory and needs the
/// same number of rounds (common random numbers), and policies differ only in the time those rounds take.
/// </remarks>
public sealed class MinibatchSgd
{
    private readonly TridiagonalQuadratic _problem;
    private readonly double[] _x;
    private readonly double[] _gradient;
    private readonly double _stepSize;
    private readonly double _noiseSd;
    private readonly Rng _rng;

    /// <summary>
    /// Creates the run: <paramref name="batch"/> = B &gt;= 1 gradients per round, step size γ &gt; 0,
    /// <paramref name="noiseSd"/> = σ &gt;= 0 (root of E‖g − ∇f‖² per gradient), noise from <paramref name="seed"/>.
    /// </summary>
    public MinibatchSgd(TridiagonalQuadratic problem, int batch, double stepSize, double noiseSd, Seed seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (batch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), batch, "The batch size B must be >= 1.");
        }

        if (!(stepSize > 0.0) || double.IsPositiveInfinity(stepSize))
        {
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "The step size gamma must be finite and > 0.");
        }

        if (!(noiseSd >= 0.0) || double.IsPositiveInfinity(noiseSd))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseSd), noiseSd, "The gradient noise sigma must be finite and >= 0.");
        }

        _problem = problem;
        Batch = batch;
        _stepSize = stepSize;
        _noiseSd = noiseSd / Math.Sqrt(problem.Dimension * (double)batch);
        _x = new double[problem.Dimension];
        _gradient = new double[problem.Dimension];
        _rng = seed.CreateRng();
        Suboptimality = problem.Value(_x) - problem.OptimalValue;
    }

    /// <summary>B, gradients averaged per round.</summary>
    public int Batch { get; }

    /// <summary>Rounds taken so far.</summary>
    public long Rounds { get; private set; }

    /// <summary>f(x_k) − f* at the current point.</summary>
    public double Suboptimality { get; private set; }

    /// <summary>The current point x_k (read-only view).</summary>
    public ReadOnlySpan<double> Point => _x;

    /// <summary>One round: x ← x − γ (∇f(x) + ξ̄), ξ̄ ~ N(0, σ²/(dB) I). Returns f(x_{k+1}) − f*.</summary>
    public double Step()
    {
        _problem.Gradient(_x, _gradient);
        for (int i = 0; i < _x.Length; i++)
        {
            _x[i] -= _stepSize * (_gradient[i] + (_noiseSd * _rng.NextGaussian()));
        }

        Rounds++;
        Suboptimality = _problem.Value(_x) - _problem.OptimalValue;
        return Suboptimality;
    }

    /// <summary>Steps until f − f* &lt; <paramref name="tolerance"/> or <paramref name="maxRounds"/> rounds; returns the rounds taken.</summary>
    public long RunToTolerance(double tolerance, long maxRounds)
    {
        while (Suboptimality >= tolerance && Rounds < maxRounds)
        {
            Step();
        }

        return Rounds;
    }
}
