namespace Almab.Algorithms.Bandits;

/// <summary>
/// Asynchronous (delayed-feedback) dispatch of an index policy (survey 001 section 1.4, "arms evaluated as workers
/// become available"): every idle worker asks <see cref="Select"/>, each reward is told on arrival, in any order.
/// The <see cref="Rule"/> states what a decision knows about the pulls still running (explicitly, not by accident of
/// the inner policy): <see cref="AsyncPendingRule.CountAsPending"/> registers them; <see cref="AsyncPendingRule.Ignore"/>
/// keeps them in a local count only, so the inner policy sees each reward as a pull registered and completed at once.
/// </summary>
public sealed class AsynchronousPolicy : IAbandonablePolicy
{
    private readonly IIndexPolicy _inner;
    private readonly double[] _indices;
    private readonly long[] _running;

    /// <summary>Wraps <paramref name="index"/> with the pending rule <paramref name="rule"/>.</summary>
    public AsynchronousPolicy(IIndexPolicy index, AsyncPendingRule rule)
    {
        _inner = index ?? throw new ArgumentNullException(nameof(index));
        if (!Enum.IsDefined(rule))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "rule must be CountAsPending or Ignore.");
        }

        Rule = rule;
        _indices = new double[index.Arms];
        _running = new long[index.Arms];
    }

    /// <inheritdoc />
    public int Arms => _inner.Arms;

    /// <summary>What a decision knows of running pulls.</summary>
    public AsyncPendingRule Rule { get; }

    /// <summary>Pulls of <paramref name="arm"/> selected and not yet reported or abandoned.</summary>
    public long Running(int arm) => _running[arm];

    /// <inheritdoc />
    public int Select()
    {
        _inner.ComputeIndices(_indices);
        int arm = BanditGuard.ArgMax(_indices);
        if (Rule == AsyncPendingRule.CountAsPending)
        {
            _inner.RegisterPull(arm);
        }

        _running[arm]++;
        return arm;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        BanditGuard.Arm(arm, Arms);
        BanditGuard.Reward(reward);
        _inner.Update(arm, reward);
        if (_running[arm] > 0)
        {
            _running[arm]--;
        }
    }

    /// <inheritdoc />
    public void Abandon(int arm)
    {
        BanditGuard.Arm(arm, Arms);
        if (_running[arm] == 0)
        {
            throw new InvalidOperationException($"arm {arm} has no running pull to abandon.");
        }

        if (Rule == AsyncPendingRule.CountAsPending)
        {
            BanditGuard.Abandonable(_inner).Abandon(arm);
        }

        _running[arm]--;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _inner.Reset();
        Array.Clear(_running);
    }
}
