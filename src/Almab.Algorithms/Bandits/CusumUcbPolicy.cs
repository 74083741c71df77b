using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// CUSUM-restarting UCB (Liu, Lee and Shroff 2018; survey 001 section 4.3, "monitor cumulative reward difference from
/// expected; when deviation exceeds threshold, reset"): UCB1 on the rewards since the last restart, with probability
/// <see cref="Alpha"/> a uniform arm instead, and a two-sided CUSUM per arm: the first <see cref="WarmUp"/> rewards
/// after a restart fix the reference mean u0, then g+ = max(0, g+ + y - u0 - eps), g- = max(0, g- + u0 - y - eps);
/// when either exceeds <see cref="Threshold"/> every arm's statistics are reset (a global restart, our choice: the
/// survey says "reset posterior beliefs"; Liu et al. reset the alarmed arm only). Pending pulls count in n.
/// </summary>
public sealed class CusumUcbPolicy : IIndexPolicy, IAbandonablePolicy
{
    private readonly ArmStatistics _stats;
    private readonly double[] _warmSum;
    private readonly int[] _warmCount;
    private readonly double[] _gPlus;
    private readonly double[] _gMinus;
    private readonly double[] _indices;
    private readonly Seed _seed;
    private Rng _rng;

    /// <summary>Creates the policy; see the class summary for the parameters.</summary>
    public CusumUcbPolicy(int arms, int warmUp, double epsilon, double threshold, Seed seed, double alpha = 0.0, double c = 1.4142135623730951)
    {
        BanditGuard.Arms(arms);
        if (warmUp < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(warmUp), warmUp, "warmUp M must be >= 1.");
        }

        if (!(epsilon >= 0) || double.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be finite and >= 0.");
        }

        if (!(threshold > 0) || double.IsInfinity(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold h must be finite and > 0.");
        }

        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie in [0, 1].");
        }

        if (!(c >= 0) || double.IsInfinity(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "c must be finite and >= 0.");
        }

        (WarmUp, Epsilon, Threshold, Alpha, C) = (warmUp, epsilon, threshold, alpha, c);
        _stats = new ArmStatistics(arms);
        _warmSum = new double[arms];
        _warmCount = new int[arms];
        _gPlus = new double[arms];
        _gMinus = new double[arms];
        _indices = new double[arms];
        _seed = seed;
        _rng = seed.CreateRng();
    }

    /// <inheritdoc />
    public int Arms => _stats.Arms;

    /// <summary>Rewards per arm that fix the CUSUM reference mean after a restart (M).</summary>
    public int WarmUp { get; }

    /// <summary>Drift allowance eps of the CUSUM statistics.</summary>
    public double Epsilon { get; }

    /// <summary>Alarm threshold h.</summary>
    public double Threshold { get; }

    /// <summary>Probability of a uniform exploratory pull.</summary>
    public double Alpha { get; }

    /// <summary>UCB1 exploration constant.</summary>
    public double C { get; }

    /// <summary>Global restarts so far (alarms).</summary>
    public int Restarts { get; private set; }

    /// <summary>The CUSUM statistics (g+, g-) of <paramref name="arm"/>.</summary>
    public (double Plus, double Minus) Cusum(int arm) => (_gPlus[arm], _gMinus[arm]);

    /// <inheritdoc />
    public void ComputeIndices(Span<double> indices)
    {
        double logT = Math.Log(Math.Max(_stats.Started, 1));
        for (int i = 0; i < Arms; i++)
        {
            long n = _stats.Count(i);
            indices[i] = n == 0 ? double.PositiveInfinity : _stats.MeanOrOptimistic(i) + C * Math.Sqrt(logT / n);
        }
    }

    /// <inheritdoc />
    public int Select()
    {
        if (Alpha > 0 && _rng.NextDouble() < Alpha)
        {
            int arm = _rng.Next(Arms);
            _stats.Register(arm);
            return arm;
        }

        ComputeIndices(_indices);
        return _stats.RegisterArgMax(_indices);
    }

    /// <inheritdoc />
    public void RegisterPull(int arm) => _stats.RegisterPull(arm);

    /// <inheritdoc />
    public void Abandon(int arm) => _stats.Cancel(arm);

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _stats.Update(arm, reward);
        if (_warmCount[arm] < WarmUp)
        {
            _warmSum[arm] += reward;
            _warmCount[arm]++;
            return;
        }

        double u0 = _warmSum[arm] / WarmUp;
        _gPlus[arm] = Math.Max(0, _gPlus[arm] + reward - u0 - Epsilon);
        _gMinus[arm] = Math.Max(0, _gMinus[arm] + u0 - reward - Epsilon);
        if (_gPlus[arm] > Threshold || _gMinus[arm] > Threshold)
        {
            Restarts++;
            ClearStatistics();
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _stats.Clear();
        ClearStatistics();
        Restarts = 0;
        _rng = _seed.CreateRng();
    }

    /// <summary>Forgets every arm's rewards and detector; pulls still pending stay pending.</summary>
    private void ClearStatistics()
    {
        _stats.ClearCompleted();
        Array.Clear(_warmSum);
        Array.Clear(_warmCount);
        Array.Clear(_gPlus);
        Array.Clear(_gMinus);
    }
}
