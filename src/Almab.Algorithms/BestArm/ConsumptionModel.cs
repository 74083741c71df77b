namespace Almab.Algorithms.BestArm;

/// <summary>
/// How a pull's resource consumption is drawn (SH-RR paper, appendix C.1; the three models).
/// Rewards are always Bernoulli(r_k) in the synthetic instances.
/// </summary>
public enum ConsumptionModel
{
    /// <summary>Each pull of arm k consumes exactly d_{l,k} of resource l.</summary>
    Deterministic,

    /// <summary>Each resource's consumption is Bernoulli(d_{l,k}), independent of the reward and of each other.</summary>
    Uncorrelated,

    /// <summary>One U ~ Uniform(0,1) per pull: reward = 1{U &lt; r_k}, consumption_l = 1{U &lt; d_{l,k}}.</summary>
    Correlated,
}
