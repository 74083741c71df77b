namespace Almab.Algorithms.Optimizers.AlmabDc;

/// <summary>The ALMAB-DC methods of sections 3.3, 3.5 and 3.9 (method names in parentheses).</summary>
public enum AlmabDcVariant
{
    /// <summary>ALMAB-DC (UCB): acquisition shortlist, UCB1 bandit over regions chooses ("almab-dc-ucb").</summary>
    Ucb,

    /// <summary>ALMAB-DC (TS): acquisition shortlist, Beta Thompson sampling over regions chooses ("almab-dc-ts").</summary>
    Thompson,

    /// <summary>Ablation "no MAB" (section 3.5): acquisition shortlist, uniform random choice ("almab-dc-no-mab").</summary>
    NoMab,

    /// <summary>Ablation "no AL" (section 3.5): no surrogate; UCB1 picks a region, a uniform point in it is queried ("almab-dc-no-al").</summary>
    NoAl,

    /// <summary>Pure BO (section 3.9): GP acquisition argmax with Kriging-believer pending points, no bandit layer ("pure-bo").</summary>
    PureBo,
}
