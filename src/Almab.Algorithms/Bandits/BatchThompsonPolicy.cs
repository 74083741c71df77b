namespace Almab.Algorithms.Bandits;

/// <summary>
/// Batch Thompson sampling (survey 001 section 1.2): one posterior draw per arm, then the B arms with the largest
/// draws are pulled together (distinct arms while B &lt;= arms; beyond that, further rounds of fresh draws fill the
/// batch). Wraps a Thompson policy (<see cref="GaussianThompsonPolicy"/> or <see cref="BetaBernoulliThompsonPolicy"/>)
/// that holds the posterior; every batch member is registered as pending, so later batches see it counted in n.
/// </summary>
public sealed class BatchThompsonPolicy : IBatchBanditPolicy, IAbandonablePolicy
{
    private readonly IIndexPolicy _inner;
    private readonly double[] _draws;
    private readonly bool[] _taken;

    /// <summary>Creates the batch policy over the posterior of <paramref name="thompson"/>.</summary>
    public BatchThompsonPolicy(IIndexPolicy thompson)
    {
        _inner = thompson ?? throw new ArgumentNullException(nameof(thompson));
        _draws = new double[thompson.Arms];
        _taken = new bool[thompson.Arms];
    }

    /// <inheritdoc />
    public int Arms => _inner.Arms;

    /// <summary>The arms to pull in one synchronous round of <paramref name="batchSize"/> evaluations.</summary>
    public int[] SelectBatch(int batchSize)
    {
        BanditGuard.BatchSize(batchSize);
        var batch = new int[batchSize];
        SelectBatch(batch);
        return batch;
    }

    /// <inheritdoc />
    public void SelectBatch(Span<int> batch)
    {
        int batchSize = batch.Length;
        BanditGuard.BatchSize(batchSize);
        int filled = 0;
        while (filled < batchSize)
        {
            _inner.ComputeIndices(_draws);
            Array.Clear(_taken);
            int round = Math.Min(Arms, batchSize - filled);
            for (int k = 0; k < round; k++)
            {
                int best = -1;
                for (int i = 0; i < Arms; i++)
                {
                    if (!_taken[i] && (best < 0 || _draws[i] > _draws[best]))
                    {
                        best = i;
                    }
                }

                _taken[best] = true;
                batch[filled++] = best;
            }
        }

        foreach (int arm in batch)
        {
            _inner.RegisterPull(arm);
        }
    }

    /// <inheritdoc />
    public int Select() => SelectBatch(1)[0];

    /// <inheritdoc />
    public void Update(int arm, double reward) => _inner.Update(arm, reward);

    /// <inheritdoc />
    public void Abandon(int arm) => BanditGuard.Abandonable(_inner).Abandon(arm);

    /// <inheritdoc />
    public void Reset() => _inner.Reset();
}
