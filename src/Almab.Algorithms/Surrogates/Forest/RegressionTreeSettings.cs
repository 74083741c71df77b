namespace Almab.Algorithms.Surrogates.Forest;

/// <summary>
/// Growth limits of one <see cref="RegressionTree"/>, named as scikit-learn's <c>DecisionTreeRegressor</c>
/// (<c>max_depth</c>, <c>min_samples_split</c>, <c>min_samples_leaf</c>, <c>max_features</c>).
/// </summary>
/// <param name="MaxDepth">Depth limit (root = depth 0), or null for none.</param>
/// <param name="MinSamplesSplit">A node with fewer samples is a leaf (>= 2).</param>
/// <param name="MinSamplesLeaf">Each child keeps at least this many samples (>= 1).</param>
/// <param name="MaxFeatures">Features searched per node (1..d); null means all d, in index order.</param>
public sealed record RegressionTreeSettings(int? MaxDepth = null, int MinSamplesSplit = 2, int MinSamplesLeaf = 1, int? MaxFeatures = null)
{
    /// <summary>Throws when a limit is out of range for inputs of <paramref name="dimension"/> features.</summary>
    public void Validate(int dimension)
    {
        if (MaxDepth is int depth && depth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDepth), depth, "MaxDepth must be >= 0 (or null).");
        }

        if (MinSamplesSplit < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSamplesSplit), MinSamplesSplit, "MinSamplesSplit must be >= 2.");
        }

        if (MinSamplesLeaf < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSamplesLeaf), MinSamplesLeaf, "MinSamplesLeaf must be >= 1.");
        }

        if (MaxFeatures is int f && (f < 1 || f > dimension))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFeatures), f, $"MaxFeatures must lie in 1..{dimension} (or null).");
        }
    }
}
