namespace Almab.Algorithms.Bandits;

/// <summary>
/// Per-arm counts, reward sums and pending pulls shared by the index policies. Delayed feedback
/// (ALMAB-DC section 2.4.9): a selected arm counts as pulled at once (its pending count rises), and the reward
/// resolves one pending pull when it arrives. An update with no pending pull is a pull registered and completed
/// at once, so rewards may also be fed without a prior Select.
/// </summary>
internal sealed class ArmStatistics
{
    private readonly long[] _completed;
    private readonly double[] _sum;
    private readonly long[] _pending;

    public ArmStatistics(int arms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        Arms = arms;
        _completed = new long[arms];
        _sum = new double[arms];
        _pending = new long[arms];
    }

    public int Arms { get; }

    /// <summary>Pulls started so far, pending ones included (the t of log t).</summary>
    public long Started { get; private set; }

    public long Completed(int arm) => _completed[arm];

    public long Pending(int arm) => _pending[arm];

    /// <summary>n_i: completed plus pending pulls.</summary>
    public long Count(int arm) => _completed[arm] + _pending[arm];

    public double Sum(int arm) => _sum[arm];

    public void Register(int arm)
    {
        _pending[arm]++;
        Started++;
    }

    /// <summary>Checks <paramref name="arm"/>, then registers a pull started outside Select (IIndexPolicy.RegisterPull).</summary>
    public void RegisterPull(int arm)
    {
        BanditGuard.Arm(arm, Arms);
        Register(arm);
    }

    /// <summary>Registers a pull of the arm with the largest index (ties to the lowest) and returns it.</summary>
    public int RegisterArgMax(ReadOnlySpan<double> indices)
    {
        int arm = BanditGuard.ArgMax(indices);
        Register(arm);
        return arm;
    }

    /// <summary>
    /// Checks <paramref name="arm"/> and <paramref name="reward"/> (finite, or in [0, 1] when
    /// <paramref name="unitReward"/>), then completes one pull (IBanditPolicy.Update).
    /// </summary>
    public void Update(int arm, double reward, bool unitReward = false)
    {
        BanditGuard.Arm(arm, Arms);
        if (unitReward)
        {
            BanditGuard.UnitReward(reward);
        }
        else
        {
            BanditGuard.Reward(reward);
        }

        Complete(arm, reward);
    }

    /// <summary>Withdraws one pending pull of <paramref name="arm"/> that will never report (a dropped failed pull).</summary>
    public void Cancel(int arm)
    {
        BanditGuard.Arm(arm, Arms);
        if (_pending[arm] == 0)
        {
            throw new InvalidOperationException($"arm {arm} has no pending pull to abandon.");
        }

        _pending[arm]--;
        Started--;
    }

    public void Complete(int arm, double reward)
    {
        if (_pending[arm] > 0)
        {
            _pending[arm]--;
        }
        else
        {
            Started++;
        }

        _completed[arm]++;
        _sum[arm] += reward;
    }

    /// <summary>
    /// Empirical mean of completed rewards; for an arm with only pending pulls, the largest empirical mean of any
    /// arm (optimistic, finite), or 0 when nothing has completed yet.
    /// </summary>
    public double MeanOrOptimistic(int arm)
    {
        if (_completed[arm] > 0)
        {
            return _sum[arm] / _completed[arm];
        }

        double best = double.NegativeInfinity;
        for (int i = 0; i < Arms; i++)
        {
            if (_completed[i] > 0)
            {
                best = Math.Max(best, _sum[i] / _completed[i]);
            }
        }

        return double.IsNegativeInfinity(best) ? 0.0 : best;
    }

    /// <summary>Forgets completed rewards and restarts t at the pulls still pending (a change-point restart).</summary>
    public void ClearCompleted()
    {
        Array.Clear(_completed);
        Array.Clear(_sum);
        long pending = 0;
        foreach (long p in _pending)
        {
            pending += p;
        }

        Started = pending;
    }

    public void Clear()
    {
        Array.Clear(_completed);
        Array.Clear(_sum);
        Array.Clear(_pending);
        Started = 0;
    }
}
