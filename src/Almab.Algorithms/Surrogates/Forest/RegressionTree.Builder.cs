using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Surrogates.Forest;

/// <summary>Growing a <see cref="RegressionTree"/> (depth-first, like scikit-learn's DepthFirstTreeBuilder).</summary>
public sealed partial class RegressionTree
{
    /// <summary>scikit-learn's FEATURE_THRESHOLD: neighbouring values closer than this are not split between.</summary>
    private const double FeatureThreshold = 1e-7;

    /// <summary>scikit-learn's EPSILON (double machine epsilon): a node this pure is a leaf.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private ref struct Builder
    {
        private readonly ReadOnlySpan<double> _x;
        private readonly ReadOnlySpan<double> _y;
        private readonly ReadOnlySpan<double> _w;
        private readonly int _d;
        private readonly RegressionTreeSettings _settings;
        private readonly Rng? _rng;
        private readonly int[] _samples;
        private readonly int[] _sorted;
        private readonly double[] _keys;
        private readonly int[] _features;

        public Builder(ReadOnlySpan<double> x, int d, ReadOnlySpan<double> y, ReadOnlySpan<double> w, RegressionTreeSettings settings, Rng? rng)
        {
            _x = x;
            _y = y;
            _w = w;
            _d = d;
            _settings = settings;
            _rng = rng;
            int count = 0;
            for (int i = 0; i < y.Length; i++)
            {
                if (!(w[i] >= 0) || double.IsInfinity(w[i]))
                {
                    throw new ArgumentException($"Weight {i} is {w[i]}; weights must be finite and >= 0.", nameof(w));
                }

                if (w[i] > 0)
                {
                    count++;
                }
            }

            if (count == 0)
            {
                throw new ArgumentException("A tree needs at least one sample of positive weight.", nameof(w));
            }

            _samples = new int[count];
            for (int i = 0, k = 0; i < y.Length; i++)
            {
                if (w[i] > 0)
                {
                    _samples[k++] = i;
                }
            }

            _sorted = new int[count];
            _keys = new double[count];
            _features = new int[d];
        }

        public readonly void Build(RegressionTree tree) => Node(tree, 0, _samples.Length, 0);

        private readonly int Node(RegressionTree tree, int start, int end, int depth)
        {
            int node = tree.NewNode();
            double sw = 0.0, sy = 0.0, syy = 0.0;
            for (int k = start; k < end; k++)
            {
                int i = _samples[k];
                sw += _w[i];
                sy += _w[i] * _y[i];
                syy += _w[i] * _y[i] * _y[i];
            }

            double mean = sy / sw;
            tree._value[node] = mean;
            tree._weight[node] = sw;
            int n = end - start, leafMin = _settings.MinSamplesLeaf;
            bool leaf = (_settings.MaxDepth is int maxDepth && depth >= maxDepth)
                || n < _settings.MinSamplesSplit || n < 2 * leafMin
                || syy / sw - mean * mean <= MachineEpsilon;
            int feature = -1;
            double threshold = 0.0;
            if (!leaf)
            {
                (feature, threshold) = BestSplit(start, end, sy, sw);
            }

            if (feature < 0)
            {
                tree._feature[node] = -1;
                tree.LeafCount++;
                tree.Depth = Math.Max(tree.Depth, depth);
                return node;
            }

            int mid = Partition(start, end, feature, threshold);
            tree._feature[node] = feature;
            tree._threshold[node] = threshold;
            int left = Node(tree, start, mid, depth + 1);
            int right = Node(tree, mid, end, depth + 1);
            tree._left[node] = left;
            tree._right[node] = right;
            return node;
        }

        private readonly (int Feature, double Threshold) BestSplit(int start, int end, double sumY, double sumW)
        {
            int n = end - start, leafMin = _settings.MinSamplesLeaf;
            int tries = _settings.MaxFeatures ?? _d;
            for (int j = 0; j < _d; j++)
            {
                _features[j] = j;
            }

            double bestProxy = double.NegativeInfinity;
            int bestFeature = -1;
            double bestThreshold = 0.0;
            int visited = 0, found = 0;
            while (visited < _d && found < tries)
            {
                int f = _features[visited];
                if (_rng is not null)
                {
                    // Fisher-Yates draw without replacement, continuing past constant features (as scikit-learn).
                    int pick = visited + _rng.Next(_d - visited);
                    f = _features[pick];
                    _features[pick] = _features[visited];
                    _features[visited] = f;
                }

                visited++;
                for (int k = 0; k < n; k++)
                {
                    _sorted[k] = _samples[start + k];
                    _keys[k] = _x[_sorted[k] * _d + f];
                }

                Array.Sort(_keys, _sorted, 0, n);
                if (_keys[n - 1] <= _keys[0] + FeatureThreshold)
                {
                    continue;
                }

                found++;
                double leftY = 0.0, leftW = 0.0;
                for (int p = 0; p < n - 1; p++)
                {
                    int i = _sorted[p];
                    leftY += _w[i] * _y[i];
                    leftW += _w[i];
                    if (_keys[p + 1] <= _keys[p] + FeatureThreshold || p + 1 < leafMin || n - p - 1 < leafMin)
                    {
                        continue;
                    }

                    double rightY = sumY - leftY, rightW = sumW - leftW;
                    double proxy = leftY * leftY / leftW + rightY * rightY / rightW;
                    if (proxy > bestProxy)
                    {
                        bestProxy = proxy;
                        bestFeature = f;
                        double t = _keys[p] / 2.0 + _keys[p + 1] / 2.0;
                        bestThreshold = t == _keys[p + 1] || double.IsInfinity(t) ? _keys[p] : t;
                    }
                }
            }

            return (bestFeature, bestThreshold);
        }

        /// <summary>Stable partition of samples[start..end) into x_f &lt;= threshold, then the rest; returns the split index.</summary>
        private readonly int Partition(int start, int end, int feature, double threshold)
        {
            int k = 0;
            for (int s = start; s < end; s++)
            {
                int i = _samples[s];
                if (_x[i * _d + feature] <= threshold)
                {
                    _samples[start + k++] = i;
                }
                else
                {
                    _sorted[s - start - k] = i;
                }
            }

            int right = end - start - k;
            for (int r = 0; r < right; r++)
            {
                _samples[start + k + r] = _sorted[r];
            }

            return start + k;
        }
    }
}
