namespace Almab.Algorithms.Bandits;

/// <summary>How a batch (or an asynchronous dispatcher) treats pulls chosen but not yet reported (survey 001 section 1.2).</summary>
public enum BatchPendingRule
{
    /// <summary>
    /// Each pull of the batch is registered as pending before the next is chosen, so the next index sees it in n_i
    /// (for UCB the bonus shrinks; for Gaussian TS the variance shrinks, i.e. the pending pull is hallucinated at
    /// the posterior mean). Arms may repeat within a batch.
    /// </summary>
    CountAsPending,

    /// <summary>One index (or posterior draw) per arm; the B largest, distinct while B &lt;= arms, form the batch.</summary>
    TopB,
}
