namespace Almab.Algorithms.Bandits;

/// <summary>
/// Batch UCB (survey 001 section 1.2, "Batch Size B: evaluate B arms simultaneously per round"): B arms per synchronous
/// round from an index policy (UCB1, SW-UCB, discounted or CUSUM UCB). <see cref="BatchPendingRule.CountAsPending"/>
/// recomputes the index after each member is registered as pending (B passes of O(K));
/// <see cref="BatchPendingRule.TopB"/> takes the B largest indices of one pass (distinct arms while B &lt;= K; beyond
/// that further passes fill the batch). Every member stays pending until its reward (or an abandon) arrives, so the
/// same wrapper serves asynchronous dispatch: <see cref="Select"/> is a batch of one.
/// </summary>
public sealed class BatchUcbPolicy : IBatchBanditPolicy, IAbandonablePolicy
{
    private readonly IIndexPolicy _inner;
    private readonly double[] _indices;
    private readonly bool[] _taken;

    /// <summary>Wraps <paramref name="index"/> with the given pending rule.</summary>
    public BatchUcbPolicy(IIndexPolicy index, BatchPendingRule rule = BatchPendingRule.CountAsPending)
    {
        _inner = index ?? throw new ArgumentNullException(nameof(index));
        if (!Enum.IsDefined(rule))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "rule must be CountAsPending or TopB.");
        }

        Rule = rule;
        _indices = new double[index.Arms];
        _taken = new bool[index.Arms];
    }

    /// <inheritdoc />
    public int Arms => _inner.Arms;

    /// <summary>How pending batch members are treated.</summary>
    public BatchPendingRule Rule { get; }

    /// <summary>Writes a batch of <c>destination.Length</c> arms (B &gt;= 1) and registers each as pending.</summary>
    public void SelectBatch(Span<int> destination)
    {
        BanditGuard.BatchSize(destination.Length);
        if (Rule == BatchPendingRule.CountAsPending)
        {
            for (int k = 0; k < destination.Length; k++)
            {
                _inner.ComputeIndices(_indices);
                int arm = BanditGuard.ArgMax(_indices);
                _inner.RegisterPull(arm);
                destination[k] = arm;
            }

            return;
        }

        int filled = 0;
        while (filled < destination.Length)
        {
            _inner.ComputeIndices(_indices);
            Array.Clear(_taken);
            int round = Math.Min(Arms, destination.Length - filled);
            for (int k = 0; k < round; k++)
            {
                int best = -1;
                for (int i = 0; i < _indices.Length; i++)
                {
                    if (!_taken[i] && (best < 0 || _indices[i] > _indices[best]))
                    {
                        best = i;
                    }
                }

                _taken[best] = true;
                destination[filled++] = best;
            }
        }

        foreach (int arm in destination)
        {
            _inner.RegisterPull(arm);
        }
    }

    /// <summary>Allocating convenience form of <see cref="SelectBatch(Span{int})"/>.</summary>
    public int[] SelectBatch(int batchSize)
    {
        BanditGuard.BatchSize(batchSize);
        var batch = new int[batchSize];
        SelectBatch(batch);
        return batch;
    }

    /// <inheritdoc />
    public int Select()
    {
        Span<int> one = stackalloc int[1];
        SelectBatch(one);
        return one[0];
    }

    /// <inheritdoc />
    public void Update(int arm, double reward) => _inner.Update(arm, reward);

    /// <inheritdoc />
    public void Abandon(int arm) => BanditGuard.Abandonable(_inner).Abandon(arm);

    /// <inheritdoc />
    public void Reset() => _inner.Reset();
}
