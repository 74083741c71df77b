namespace Almab.Algorithms.Bandits;

/// <summary>
/// Sliding-window UCB for non-stationary rewards (Garivier and Moulines 2011; survey 001 section 4.3): means and
/// counts use only the last <see cref="Window"/> completed rewards, index = mu_i^W + c sqrt(log min(t, W) / n_i^W).
/// Conventions (ours where the sources differ): the window holds the last W rewards in arrival order; t = pulls
/// started; n_i^W adds the arm's pending pulls; an arm with n_i^W = 0 has index +infinity; an arm with only pending
/// pulls in the window uses the largest windowed mean. Window sums are recomputed exactly each time the ring
/// wraps, so no rounding drift accumulates.
/// </summary>
public sealed class SlidingWindowUcbPolicy : IIndexPolicy
{
    private readonly int[] _ringArm;
    private readonly double[] _ringReward;
    private readonly long[] _count;
    private readonly double[] _sum;
    private readonly long[] _pending;
    private readonly double[] _indices;
    private int _head;
    private int _filled;
    private long _started;

    /// <summary>Creates the policy with window <paramref name="window"/> &gt;= 1 and constant <paramref name="c"/> &gt;= 0.</summary>
    public SlidingWindowUcbPolicy(int arms, int window, double c = 1.4142135623730951)
    {
        BanditGuard.Arms(arms);
        if (window < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "window must be >= 1.");
        }

        if (!(c >= 0) || double.IsInfinity(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "c must be finite and >= 0.");
        }

        Arms = arms;
        Window = window;
        C = c;
        _ringArm = new int[window];
        _ringReward = new double[window];
        _count = new long[arms];
        _sum = new double[arms];
        _pending = new long[arms];
        _indices = new double[arms];
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>Number of most recent rewards kept (W).</summary>
    public int Window { get; }

    /// <summary>Exploration constant c.</summary>
    public double C { get; }

    /// <summary>Completed rewards of <paramref name="arm"/> inside the window.</summary>
    public long WindowCount(int arm) => _count[arm];

    /// <inheritdoc />
    public void ComputeIndices(Span<double> indices)
    {
        double logT = Math.Log(Math.Max(Math.Min(_started, Window), 1));
        double bestMean = double.NegativeInfinity;
        for (int i = 0; i < Arms; i++)
        {
            if (_count[i] > 0)
            {
                bestMean = Math.Max(bestMean, _sum[i] / _count[i]);
            }
        }

        for (int i = 0; i < Arms; i++)
        {
            long n = _count[i] + _pending[i];
            double mean = _count[i] > 0 ? _sum[i] / _count[i] : (double.IsNegativeInfinity(bestMean) ? 0.0 : bestMean);
            indices[i] = n == 0 ? double.PositiveInfinity : mean + C * Math.Sqrt(logT / n);
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
        _started++;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        BanditGuard.Arm(arm, Arms);
        BanditGuard.Reward(reward);
        if (_pending[arm] > 0)
        {
            _pending[arm]--;
        }
        else
        {
            _started++;
        }

        if (_filled == Window)
        {
            int old = _ringArm[_head];
            _count[old]--;
            _sum[old] -= _ringReward[_head];
        }
        else
        {
            _filled++;
        }

        _ringArm[_head] = arm;
        _ringReward[_head] = reward;
        _count[arm]++;
        _sum[arm] += reward;
        _head = (_head + 1) % Window;
        if (_head == 0)
        {
            Resum();
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_count);
        Array.Clear(_sum);
        Array.Clear(_pending);
        _head = 0;
        _filled = 0;
        _started = 0;
    }

    private void Resum()
    {
        Array.Clear(_sum);
        for (int k = 0; k < _filled; k++)
        {
            _sum[_ringArm[k]] += _ringReward[k];
        }
    }
}
