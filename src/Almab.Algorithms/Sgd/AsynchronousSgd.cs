using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Sgd;

/// <summary>
/// Asynchronous SGD with an allocation (ATA paper, Appendix A.2, Algorithm 7, run once per round by Algorithm 6) on
/// <see cref="TridiagonalQuadratic"/>: the workers with a_i &gt; 0 start computing a stochastic gradient at the
/// round's starting point; gradients are applied one at a time in order of arrival, x_{s+1} = x_s − γ g(x_{s−δ_s});
/// the worker that delivered it starts its next gradient at x_{s+1} while it still has allocation left. A round
/// applies exactly B gradients and lasts as long as its synchronous counterpart (max_i of the sum of worker i's
/// task times), so the allocation's round time is unchanged; only the optimization differs (stale gradients,
/// B steps of one gradient each).
/// </summary>
/// <remarks>
/// Each gradient's noise is N(0, σ²/d · I) drawn from the run's stream in order of application (so two policies
/// with the same seed see the same noise sequence, applied to different points). Arrival ties break to the lowest
/// worker index. Starts at x₀ = 0. The step size is the caller's: γ_sync / B makes B asynchronous steps move as far
/// as one synchronous minibatch step (our default in the ATA experiments).
/// </remarks>
public sealed class AsynchronousSgd
{
    private readonly TridiagonalQuadratic _problem;
    private readonly double[] _x;
    private readonly double[] _gradient;
    private readonly double _stepSize;
    private readonly double _noiseSd;
    private readonly Rng _rng;
    private double[] _snapshots = [];
    private int[] _cursor = [];
    private int[] _end = [];
    private double[] _finish = [];

    /// <summary>Creates the run: step size γ &gt; 0 per applied gradient, σ &gt;= 0 per gradient, noise from <paramref name="seed"/>.</summary>
    public AsynchronousSgd(TridiagonalQuadratic problem, double stepSize, double noiseSd, Seed seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (!(stepSize > 0.0) || double.IsPositiveInfinity(stepSize))
        {
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "The step size gamma must be finite and > 0.");
        }

        if (!(noiseSd >= 0.0) || double.IsPositiveInfinity(noiseSd))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseSd), noiseSd, "The gradient noise sigma must be finite and >= 0.");
        }

        _problem = problem;
        _stepSize = stepSize;
        _noiseSd = noiseSd / Math.Sqrt(problem.Dimension);
        _x = new double[problem.Dimension];
        _gradient = new double[problem.Dimension];
        _rng = seed.CreateRng();
        Suboptimality = problem.Value(_x) - problem.OptimalValue;
    }

    /// <summary>Gradients applied so far.</summary>
    public long Steps { get; private set; }

    /// <summary>f(x) − f* at the current point.</summary>
    public double Suboptimality { get; private set; }

    /// <summary>The current point (read-only view).</summary>
    public ReadOnlySpan<double> Point => _x;

    /// <summary>
    /// Runs Algorithm 7 for one round with allocation <paramref name="allocation"/> (a_i &gt;= 0) whose task durations
    /// are <paramref name="taskSeconds"/>, grouped by worker (worker 0's a_0 durations in order, then worker 1's, …).
    /// Returns f(x) − f* after the round's sum(a) gradient steps.
    /// </summary>
    public double RunRound(ReadOnlySpan<int> allocation, ReadOnlySpan<double> taskSeconds)
    {
        int d = _problem.Dimension;
        int active = 0;
        int offset = 0;
        EnsureCapacity(allocation.Length);
        for (int i = 0; i < allocation.Length; i++)
        {
            int a = allocation[i];
            if (a < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(allocation), a, $"Allocation of worker {i} must be >= 0.");
            }

            if (a == 0)
            {
                continue;
            }

            if (offset + a > taskSeconds.Length)
            {
                throw new ArgumentException($"Allocation needs more than the {taskSeconds.Length} task times given.", nameof(taskSeconds));
            }

            _cursor[active] = offset;
            _end[active] = offset + a;
            _finish[active] = taskSeconds[offset];
            EnsureSnapshots(active + 1, d);
            _x.CopyTo(_snapshots.AsSpan(active * d, d));
            active++;
            offset += a;
        }

        if (offset != taskSeconds.Length)
        {
            throw new ArgumentException($"Allocation sums to {offset} but {taskSeconds.Length} task times were given.", nameof(taskSeconds));
        }

        for (int s = 0; s < offset; s++)
        {
            // The next arrival: smallest finish time, ties to the lowest worker index (active is in index order).
            int best = -1;
            for (int j = 0; j < active; j++)
            {
                if (_cursor[j] < _end[j] && (best < 0 || _finish[j] < _finish[best]))
                {
                    best = j;
                }
            }

            Span<double> snapshot = _snapshots.AsSpan(best * d, d);
            _problem.Gradient(snapshot, _gradient);
            for (int c = 0; c < d; c++)
            {
                _x[c] -= _stepSize * (_gradient[c] + (_noiseSd * _rng.NextGaussian()));
            }

            Steps++;
            int next = ++_cursor[best];
            if (next < _end[best])
            {
                _finish[best] += taskSeconds[next];
                _x.CopyTo(snapshot);
            }
        }

        Suboptimality = _problem.Value(_x) - _problem.OptimalValue;
        return Suboptimality;
    }

    private void EnsureCapacity(int workers)
    {
        if (_cursor.Length < workers)
        {
            _cursor = new int[workers];
            _end = new int[workers];
            _finish = new double[workers];
        }
    }

    private void EnsureSnapshots(int count, int d)
    {
        if (_snapshots.Length < count * d)
        {
            Array.Resize(ref _snapshots, Math.Max(count * d, 2 * _snapshots.Length));
        }
    }
}
