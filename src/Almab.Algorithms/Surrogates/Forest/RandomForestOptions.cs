using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Surrogates.Forest;

/// <summary>
/// Settings of <see cref="RandomForestSurrogate"/> (ALMAB-DC Appendix C's "RF" surrogate; section 3.11 recommends a
/// random forest for budgets beyond 150-200). Defaults are scikit-learn's <c>RandomForestRegressor</c> defaults
/// (100 trees, bootstrap, all features, unlimited depth, min_samples_leaf 1); the paper states none of them.
/// </summary>
public sealed record RandomForestOptions
{
    /// <summary>Number of trees.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Growth limits of every tree.</summary>
    public RegressionTreeSettings Tree { get; init; } = new();

    /// <summary>Grow each tree on a bootstrap sample (n draws with replacement); false grows every tree on all data.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Root seed of the bootstrap samples and feature draws (tree t of a fit on n points uses a stream derived from (n, t)).</summary>
    public Seed Seed { get; init; } = new(0x5EED_F0E5);

    /// <summary>
    /// Threads that grow and evaluate trees (Appendix C's CPU count). Results do not depend on it: each tree has its
    /// own stream and predictions are reduced in tree order.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate(int dimension)
    {
        if (Trees < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Trees), Trees, "Trees must be >= 1.");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be >= 1.");
        }

        ArgumentNullException.ThrowIfNull(Tree, nameof(Tree));
        Tree.Validate(dimension);
    }
}
