namespace Almab.Algorithms.Bandits;

/// <summary>
/// UCB1 in the form of ALMAB-DC section 2.6: a_t = argmax_i mu_i(t) + c sqrt(log t / n_i(t)), with the default
/// c = sqrt 2 the UCB1 of Auer et al. (2002) whose regret obeys eq. (6) for rewards in [0, 1].
/// Our conventions where the paper is silent: t = pulls started so far (pending ones included, at least 1);
/// n_i counts pending pulls (delayed feedback, section 2.4.9); an arm with n_i = 0 has index +infinity (tried
/// first, lowest index first); an arm with only pending pulls uses the largest empirical mean as its mean.
/// Deterministic: ties break to the lowest index. Hot path: each arm's mean and 1 / sqrt(n_i) are cached and
/// refreshed only when that arm changes, so a decision is one fused multiply-add and compare per arm.
/// </summary>
public sealed class Ucb1Policy : IIndexPolicy, IAbandonablePolicy
{
    private readonly ArmStatistics _stats;
    private readonly double[] _indices;
    private readonly double[] _mean;
    private readonly double[] _invSqrtN;
    private readonly bool[] _pendingOnly;
    private int _pendingOnlyCount;

    /// <summary>Creates the policy over <paramref name="arms"/> arms with exploration constant <paramref name="c"/> &gt;= 0.</summary>
    public Ucb1Policy(int arms, double c = 1.4142135623730951)
    {
        BanditGuard.Arms(arms);
        if (!(c >= 0) || double.IsInfinity(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "c must be finite and >= 0.");
        }

        C = c;
        _stats = new ArmStatistics(arms);
        _indices = new double[arms];
        _mean = new double[arms];
        _invSqrtN = new double[arms];
        _pendingOnly = new bool[arms];
        ResetCache();
    }

    /// <inheritdoc />
    public int Arms => _stats.Arms;

    /// <summary>Exploration constant c.</summary>
    public double C { get; }

    /// <summary>Completed plus pending pulls of <paramref name="arm"/> (n_i).</summary>
    public long Count(int arm) => _stats.Count(arm);

    /// <summary>Empirical mean of the completed rewards of <paramref name="arm"/> (0 when none).</summary>
    public double Mean(int arm) => _stats.Completed(arm) > 0 ? _stats.Sum(arm) / _stats.Completed(arm) : 0.0;

    /// <inheritdoc />
    public void ComputeIndices(Span<double> indices)
    {
        double logT = Math.Log(Math.Max(_stats.Started, 1));
        if (_pendingOnlyCount > 0)
        {
            for (int i = 0; i < Arms; i++)
            {
                long n = _stats.Count(i);
                indices[i] = n == 0 ? double.PositiveInfinity : _stats.MeanOrOptimistic(i) + C * Math.Sqrt(logT / n);
            }

            return;
        }

        double width = C * Math.Sqrt(logT);
        for (int i = 0; i < Arms; i++)
        {
            indices[i] = _mean[i] + width * _invSqrtN[i];
        }
    }

    /// <inheritdoc />
    public int Select()
    {
        int arm;
        if (_pendingOnlyCount > 0)
        {
            ComputeIndices(_indices);
            arm = BanditGuard.ArgMax(_indices);
        }
        else
        {
            // Fused index and argmax over the cached arrays (an unpulled arm has mean +inf and weight 0).
            double width = C * Math.Sqrt(Math.Log(Math.Max(_stats.Started, 1)));
            var mean = _mean.AsSpan();
            var inv = _invSqrtN.AsSpan(0, mean.Length);
            arm = 0;
            double best = double.NegativeInfinity;
            for (int i = 0; i < mean.Length; i++)
            {
                double v = mean[i] + width * inv[i];
                if (v > best)
                {
                    best = v;
                    arm = i;
                }
            }
        }

        _stats.Register(arm);
        Refresh(arm);
        return arm;
    }

    /// <inheritdoc />
    public void RegisterPull(int arm)
    {
        _stats.RegisterPull(arm);
        Refresh(arm);
    }

    /// <inheritdoc />
    public void Abandon(int arm)
    {
        _stats.Cancel(arm);
        Refresh(arm);
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _stats.Update(arm, reward);
        Refresh(arm);
    }

    /// <inheritdoc />
    public void Reset()
    {
        _stats.Clear();
        ResetCache();
    }

    private void ResetCache()
    {
        Array.Fill(_mean, double.PositiveInfinity);
        Array.Clear(_invSqrtN);
        Array.Clear(_pendingOnly);
        _pendingOnlyCount = 0;
    }

    /// <summary>Recomputes the cached mean and 1 / sqrt(n) of <paramref name="arm"/> after its statistics changed.</summary>
    private void Refresh(int arm)
    {
        long n = _stats.Count(arm), done = _stats.Completed(arm);
        bool pendingOnly = n > 0 && done == 0;
        if (pendingOnly != _pendingOnly[arm])
        {
            _pendingOnly[arm] = pendingOnly;
            _pendingOnlyCount += pendingOnly ? 1 : -1;
        }

        if (n == 0)
        {
            _mean[arm] = double.PositiveInfinity;
            _invSqrtN[arm] = 0.0;
        }
        else
        {
            _mean[arm] = done > 0 ? _stats.Sum(arm) / done : 0.0;
            _invSqrtN[arm] = 1.0 / Math.Sqrt(n);
        }
    }
}
