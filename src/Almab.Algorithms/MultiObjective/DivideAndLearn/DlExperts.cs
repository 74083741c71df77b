namespace Almab.Algorithms.MultiObjective.DivideAndLearn;

/// <summary>Which experts D&amp;L may sample at a position (all three by default; one alone for the ablation of section 11.3).</summary>
[Flags]
public enum DlExperts
{
    None = 0,

    /// <summary>Expert 1: UCB (D&amp;L) or Thompson sampling (D&amp;L-TS).</summary>
    Acquisition = 1,

    /// <summary>Expert 2: EXP3 with the clipped importance-weighted estimator.</summary>
    Exp3 = 2,

    /// <summary>Expert 3: FTRL with entropic regularization.</summary>
    Ftrl = 4,

    All = Acquisition | Exp3 | Ftrl,
}
