namespace Almab.Algorithms.Bandits;

/// <summary>
/// Discounted UCB (Garivier and Moulines 2011, D-UCB; survey 001 section 4.3): each reward arrival is one step, and
/// a reward s steps old weighs gamma^s. N_i = sum gamma^(t-s) 1{I_s = i}, mean_i = discounted reward sum / N_i,
/// n = sum_i N_i, index = mean_i + 2 B sqrt(xi log n / N_i) with reward bound B. Pending pulls add 1 each to N_i
/// (undiscounted) so concurrent decisions spread; an arm with N_i = 0 has index +infinity. Updates are O(1): counts
/// are stored scaled by gamma^-t and renormalized before they overflow.
/// </summary>
public sealed class DiscountedUcbPolicy : IIndexPolicy, IAbandonablePolicy
{
    private readonly double[] _n;
    private readonly double[] _s;
    private readonly long[] _pending;
    private readonly double[] _indices;
    private double _scale = 1.0;
    private double _total;
    private long _pendingTotal;

    /// <summary>Creates D-UCB with discount <paramref name="gamma"/> in (0, 1], <paramref name="xi"/> &gt; 0 and reward bound <paramref name="rewardBound"/> &gt; 0.</summary>
    public DiscountedUcbPolicy(int arms, double gamma, double xi = 0.6, double rewardBound = 1.0)
    {
        BanditGuard.Arms(arms);
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "discount gamma must lie in (0, 1].");
        }

        if (!(xi > 0) || double.IsInfinity(xi))
        {
            throw new ArgumentOutOfRangeException(nameof(xi), xi, "xi must be finite and > 0.");
        }

        if (!(rewardBound > 0) || double.IsInfinity(rewardBound))
        {
            throw new ArgumentOutOfRangeException(nameof(rewardBound), rewardBound, "rewardBound must be finite and > 0.");
        }

        Arms = arms;
        Gamma = gamma;
        Xi = xi;
        RewardBound = rewardBound;
        _n = new double[arms];
        _s = new double[arms];
        _pending = new long[arms];
        _indices = new double[arms];
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>Discount factor gamma.</summary>
    public double Gamma { get; }

    /// <summary>Exploration constant xi.</summary>
    public double Xi { get; }

    /// <summary>Reward bound B.</summary>
    public double RewardBound { get; }

    /// <summary>Discounted count N_i of completed rewards.</summary>
    public double DiscountedCount(int arm) => _n[arm] / _scale;

    /// <summary>Discounted mean of completed rewards (0 when none).</summary>
    public double DiscountedMean(int arm) => _n[arm] > 0 ? _s[arm] / _n[arm] : 0.0;

    /// <inheritdoc />
    public void ComputeIndices(Span<double> indices)
    {
        double inv = 1.0 / _scale;
        double logN = Math.Log(Math.Max(_total * inv + _pendingTotal, 1.0));
        double width = 2.0 * RewardBound * Math.Sqrt(Xi * logN);
        for (int i = 0; i < Arms; i++)
        {
            double n = _n[i] * inv + _pending[i];
            indices[i] = n <= 0 ? double.PositiveInfinity : DiscountedMean(i) + width / Math.Sqrt(n);
        }
    }

    /// <inheritdoc />
    public int Select()
    {
        ComputeIndices(_indices);
        int arm = BanditGuard.ArgMax(_indices);
        RegisterPull(arm);
        return arm;
    }

    /// <inheritdoc />
    public void RegisterPull(int arm)
    {
        BanditGuard.Arm(arm, Arms);
        _pending[arm]++;
        _pendingTotal++;
    }

    /// <inheritdoc />
    public void Abandon(int arm)
    {
        BanditGuard.Arm(arm, Arms);
        if (_pending[arm] == 0)
        {
            throw new InvalidOperationException($"arm {arm} has no pending pull to abandon.");
        }

        _pending[arm]--;
        _pendingTotal--;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        BanditGuard.Arm(arm, Arms);
        BanditGuard.Reward(reward);
        if (_pending[arm] > 0)
        {
            _pending[arm]--;
            _pendingTotal--;
        }

        _scale /= Gamma;
        if (_scale > 1e150)
        {
            Renormalize();
        }

        _n[arm] += _scale;
        _s[arm] += reward * _scale;
        _total += _scale;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_n);
        Array.Clear(_s);
        Array.Clear(_pending);
        _scale = 1.0;
        _total = 0;
        _pendingTotal = 0;
    }

    private void Renormalize()
    {
        double inv = 1.0 / _scale;
        for (int i = 0; i < Arms; i++)
        {
            _n[i] *= inv;
            _s[i] *= inv;
        }

        _total *= inv;
        _scale = 1.0;
    }
}
