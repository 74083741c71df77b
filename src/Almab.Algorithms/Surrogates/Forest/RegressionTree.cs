using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Surrogates.Forest;

/// <summary>
/// A CART regression tree with the squared-error criterion and weighted samples, grown the way scikit-learn's
/// <c>DecisionTreeRegressor</c> grows it (best split = largest sum_L^2/w_L + sum_R^2/w_R over features and sorted
/// positions; positions whose neighbouring values differ by at most 1e-7 are skipped; threshold = x_i/2 + x_(i+1)/2;
/// a point goes left when x_f &lt;= threshold; a node is a leaf at the depth limit, below the sample limits, or with
/// impurity &lt;= machine epsilon). Ties between equal splits go to the first feature, then the first position.
/// Stored flat (arrays per node field); a leaf's value and weight can be overwritten for Kriging-believer fantasies.
/// Used by <see cref="RandomForestSurrogate"/> (ALMAB-DC Appendix C, "RF").
/// </summary>
public sealed partial class RegressionTree
{
    private int[] _feature = new int[15];
    private double[] _threshold = new double[15];
    private int[] _left = new int[15];
    private int[] _right = new int[15];
    private double[] _value = new double[15];
    private double[] _weight = new double[15];

    /// <summary>Number of nodes (leaves included).</summary>
    public int NodeCount { get; private set; }

    /// <summary>Number of leaves.</summary>
    public int LeafCount { get; private set; }

    /// <summary>Largest depth of a leaf (root = 0).</summary>
    public int Depth { get; private set; }

    /// <summary>Input dimension.</summary>
    public int Dimension { get; private set; }

    /// <summary>True when <paramref name="node"/> is a leaf.</summary>
    public bool IsLeaf(int node) => _feature[node] < 0;

    /// <summary>Split feature of an inner node (-1 for a leaf).</summary>
    public int Feature(int node) => _feature[node];

    /// <summary>Split threshold of an inner node (left when x_f &lt;= threshold).</summary>
    public double Threshold(int node) => _threshold[node];

    /// <summary>Left child of an inner node (nodes are numbered depth-first, left subtree first).</summary>
    public int Left(int node) => _left[node];

    /// <summary>Right child of an inner node.</summary>
    public int Right(int node) => _right[node];

    /// <summary>Weighted mean target of a node's samples.</summary>
    public double Value(int node) => _value[node];

    /// <summary>Total sample weight of a node.</summary>
    public double Weight(int node) => _weight[node];

    /// <summary>The leaf that <paramref name="x"/> falls into.</summary>
    public int LeafOf(ReadOnlySpan<double> x)
    {
        int node = 0;
        while (_feature[node] >= 0)
        {
            node = x[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
        }

        return node;
    }

    /// <summary>The tree's prediction at <paramref name="x"/>: the value of its leaf.</summary>
    public double Predict(ReadOnlySpan<double> x) => _value[LeafOf(x)];

    /// <summary>Overwrites a leaf's value and weight (fantasies; restore by writing the old pair back).</summary>
    public void SetLeaf(int leaf, double value, double weight)
    {
        if (!IsLeaf(leaf))
        {
            throw new ArgumentException($"Node {leaf} is not a leaf.", nameof(leaf));
        }

        _value[leaf] = value;
        _weight[leaf] = weight;
    }

    /// <summary>
    /// Grows a tree on row-major inputs <paramref name="x"/> (n rows of <paramref name="dimension"/>), targets
    /// <paramref name="y"/> and non-negative weights <paramref name="weight"/> (samples of weight 0 are left out,
    /// as a bootstrap's unsampled rows). <paramref name="rng"/> draws the features of each node when
    /// <see cref="RegressionTreeSettings.MaxFeatures"/> is below d; it may be null otherwise.
    /// </summary>
    public static RegressionTree Grow(ReadOnlySpan<double> x, int dimension, ReadOnlySpan<double> y, ReadOnlySpan<double> weight,
        RegressionTreeSettings settings, Rng? rng)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        settings.Validate(dimension);
        int n = y.Length;
        if (x.Length != n * dimension || weight.Length != n)
        {
            throw new ArgumentException($"Expected {n * dimension} inputs and {n} weights, got {x.Length} and {weight.Length}.");
        }

        bool sampled = settings.MaxFeatures is int f && f < dimension;
        if (sampled && rng is null)
        {
            throw new ArgumentNullException(nameof(rng), "Feature sampling needs a generator.");
        }

        var builder = new Builder(x, dimension, y, weight, settings, sampled ? rng : null);
        var tree = new RegressionTree { Dimension = dimension };
        builder.Build(tree);
        return tree;
    }

    private int NewNode()
    {
        if (NodeCount == _feature.Length)
        {
            int size = 2 * NodeCount + 1;
            Array.Resize(ref _feature, size);
            Array.Resize(ref _threshold, size);
            Array.Resize(ref _left, size);
            Array.Resize(ref _right, size);
            Array.Resize(ref _value, size);
            Array.Resize(ref _weight, size);
        }

        return NodeCount++;
    }
}
