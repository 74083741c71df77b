namespace Almab.Experiments.Papers.AlmabDc.Cases;

/// <summary>
/// How case 4 picks the recommendation x_t+ of its simple regret r_t = f* - f(x_t+) (section 3.9 leaves x_t+
/// undefined; issue 17 runs the three standard readings side by side).
/// </summary>
public enum RecommendationRule
{
    /// <summary>(a) The dose grid's argmax of the paper's GP posterior mean (Almab's default reading).</summary>
    PosteriorMean,

    /// <summary>(b) The observed dose with the best true utility (the oracle's "best so far").</summary>
    BestObservedTrue,

    /// <summary>(c) The observed dose with the best single noisy observation (ties: the earliest).</summary>
    BestObservedNoisy,
}
