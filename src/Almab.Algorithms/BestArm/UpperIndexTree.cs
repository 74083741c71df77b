using System.Runtime.CompilerServices;

namespace Almab.Algorithms.BestArm;

/// <summary>
/// Exact argmax of index_k(h) = (mean_k + g_k · h) · w_k over arms, for an h that only grows during an episode
/// (h = sqrt(ln t) for UCB), in far less than O(K) per query. A max segment tree holds each arm's index at a
/// reference h_ref &gt;= h: an upper bound of its current index, because the index is non-decreasing in h (g, w
/// &gt;= 0, and IEEE arithmetic is monotone). A branch-and-bound walk evaluates exact indices only in subtrees whose
/// bound can still win; ties go to the lowest arm. Once h passes h_ref the caller rebuilds with a larger h_ref.
/// </summary>
internal sealed class UpperIndexTree
{
    private double[] _mean = [];
    private double[] _g = [];
    private double[] _w = [];
    private double[] _node = [];
    private int[] _stack = [];
    private int _size;
    private int _arms;
    private double _hRef;

    /// <summary>The reference h of the stored bounds.</summary>
    public double ReferenceH => _hRef;

    /// <summary>Prepares the tree for <paramref name="arms"/> arms, all with index −∞ until set.</summary>
    public void Reset(int arms)
    {
        int size = 1;
        while (size < arms)
        {
            size <<= 1;
        }

        if (_mean.Length < arms || _node.Length < 2 * size)
        {
            _mean = new double[arms];
            _g = new double[arms];
            _w = new double[arms];
            _node = new double[2 * size];
            _stack = new int[2 * 64];
        }

        _size = size;
        _arms = arms;
        _hRef = 0;
        Array.Fill(_node, double.NegativeInfinity, 0, 2 * size);
    }

    /// <summary>Sets arm <paramref name="arm"/>'s index parameters and refreshes its bound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int arm, double mean, double g, double w)
    {
        _mean[arm] = mean;
        _g[arm] = g;
        _w[arm] = w;
        int i = _size + arm;
        _node[i] = (mean + g * _hRef) * w;
        for (i >>= 1; i >= 1; i >>= 1)
        {
            _node[i] = Math.Max(_node[2 * i], _node[2 * i + 1]);
        }
    }

    /// <summary>Recomputes every bound at a new reference <paramref name="hRef"/> (must not decrease).</summary>
    public void Rebuild(double hRef)
    {
        _hRef = hRef;
        for (int k = 0; k < _arms; k++)
        {
            _node[_size + k] = (_mean[k] + _g[k] * hRef) * _w[k];
        }

        for (int i = _size - 1; i >= 1; i--)
        {
            _node[i] = Math.Max(_node[2 * i], _node[2 * i + 1]);
        }
    }

    /// <summary>Exact index of <paramref name="arm"/> at <paramref name="h"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Index(int arm, double h) => (_mean[arm] + _g[arm] * h) * _w[arm];

    /// <summary>
    /// The arm of largest exact index at <paramref name="h"/> (&lt;= <see cref="ReferenceH"/>), lowest arm among
    /// ties, skipping <paramref name="exclude"/> (-1: none). Returns -1 when no arm is eligible.
    /// </summary>
    public int ArgMax(double h, int exclude, out double best)
    {
        best = double.NegativeInfinity;
        int bestArm = -1;
        int[] stack = _stack;
        int top = 0;
        stack[top++] = 1;
        while (top > 0)
        {
            int i = stack[--top];
            double bound = _node[i];
            if (bound < best || bound == double.NegativeInfinity)
            {
                continue;
            }

            if (bound == best && LeftmostArm(i) > bestArm)
            {
                continue;
            }

            if (i >= _size)
            {
                int arm = i - _size;
                if (arm == exclude)
                {
                    continue;
                }

                double v = Index(arm, h);
                if (v > best || (v == best && arm < bestArm))
                {
                    best = v;
                    bestArm = arm;
                }

                continue;
            }

            // Visit the child with the larger bound first (pushed last), so a good incumbent prunes early.
            int left = 2 * i, right = left + 1;
            if (_node[left] >= _node[right])
            {
                stack[top++] = right;
                stack[top++] = left;
            }
            else
            {
                stack[top++] = left;
                stack[top++] = right;
            }
        }

        return bestArm;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LeftmostArm(int node)
    {
        while (node < _size)
        {
            node <<= 1;
        }

        return node - _size;
    }
}
