namespace Almab.Algorithms.Bandits;

/// <summary>How an asynchronous dispatcher treats a pull that is running when the next decision is made.</summary>
public enum AsyncPendingRule
{
    /// <summary>
    /// The pull counts in n_i (and t) at once; for UCB1 and Gaussian TS this is the same as hallucinating its reward
    /// at the current (posterior) mean, which leaves the mean unchanged and tightens the bonus or variance.
    /// </summary>
    CountAsPending,

    /// <summary>The naive delayed-feedback policy: a running pull is invisible until its reward arrives.</summary>
    Ignore,
}
