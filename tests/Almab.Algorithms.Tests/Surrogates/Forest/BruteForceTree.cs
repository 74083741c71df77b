namespace Almab.Algorithms.Tests.Surrogates.Forest;

/// <summary>
/// Independent reference for RegressionTree on tiny data: at every node, every feature and every midpoint between
/// distinct sorted values is tried, and the weighted sum of squared errors of both children is computed from
/// scratch (no running sums); the smallest wins (ties: first feature, then first threshold). Exponentially naive
/// in nothing but slow (O(n^2 d) per node) — fine for a dozen points.
/// </summary>
internal sealed class BruteForceTree
{
    private readonly int _feature = -1;
    private readonly double _threshold;
    private readonly double _value;
    private readonly BruteForceTree? _left;
    private readonly BruteForceTree? _right;

    private BruteForceTree(double value) => _value = value;

    private BruteForceTree(int feature, double threshold, BruteForceTree left, BruteForceTree right)
    {
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
    }

    public int Nodes => _feature < 0 ? 1 : 1 + _left!.Nodes + _right!.Nodes;

    public double Predict(double[] x) => _feature < 0 ? _value : x[_feature] <= _threshold ? _left!.Predict(x) : _right!.Predict(x);

    public static BruteForceTree Grow(double[][] x, double[] y, double[] w, int minLeaf, int? maxDepth) =>
        Node(x, y, w, Enumerable.Range(0, y.Length).Where(i => w[i] > 0).ToList(), minLeaf, maxDepth, 0);

    private static BruteForceTree Node(double[][] x, double[] y, double[] w, List<int> s, int minLeaf, int? maxDepth, int depth)
    {
        double mean = s.Sum(i => w[i] * y[i]) / s.Sum(i => w[i]);
        double sse = Sse(y, w, s);
        if ((maxDepth is int m && depth >= m) || s.Count < 2 || s.Count < 2 * minLeaf || sse / s.Sum(i => w[i]) <= 2.220446049250313e-16)
        {
            return new BruteForceTree(mean);
        }

        double best = double.PositiveInfinity;
        (int F, double T, List<int> L, List<int> R)? split = null;
        for (int f = 0; f < x[0].Length; f++)
        {
            var values = s.Select(i => x[i][f]).Distinct().OrderBy(v => v).ToList();
            for (int k = 0; k + 1 < values.Count; k++)
            {
                if (values[k + 1] <= values[k] + 1e-7)
                {
                    continue;
                }

                double t = values[k] / 2.0 + values[k + 1] / 2.0;
                var left = s.Where(i => x[i][f] <= t).ToList();
                var right = s.Where(i => x[i][f] > t).ToList();
                if (left.Count < minLeaf || right.Count < minLeaf)
                {
                    continue;
                }

                double total = Sse(y, w, left) + Sse(y, w, right);
                if (split is null || total < best - 1e-12 * Math.Max(1.0, best))
                {
                    best = total;
                    split = (f, t, left, right);
                }
            }
        }

        if (split is not { } sp)
        {
            return new BruteForceTree(mean);
        }

        return new BruteForceTree(sp.F, sp.T, Node(x, y, w, sp.L, minLeaf, maxDepth, depth + 1), Node(x, y, w, sp.R, minLeaf, maxDepth, depth + 1));
    }

    private static double Sse(double[] y, double[] w, List<int> s)
    {
        double mean = s.Sum(i => w[i] * y[i]) / s.Sum(i => w[i]);
        return s.Sum(i => w[i] * (y[i] - mean) * (y[i] - mean));
    }
}
