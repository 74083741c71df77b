namespace Almab.Algorithms.MultiObjective.Indicators;

/// <summary>
/// The 2-D staircase of <see cref="Hypervolume3D"/>: points keyed by x in a treap (Seidel and Aragon 1996) with
/// split/merge, so lookup, insertion and removal are O(log n) expected. Node storage is array-based; priorities come
/// from a fixed SplitMix64 stream, so the shape — and every result — is deterministic.
/// </summary>
internal sealed class StaircaseTreap
{
    private double[] _x;
    private double[] _y;
    private ulong[] _priority;
    private int[] _left;
    private int[] _right;
    private int _count;
    private int _root = -1;
    private ulong _state = 0x9E3779B97F4A7C15UL;

    public StaircaseTreap(int capacity)
    {
        capacity = Math.Max(capacity, 4);
        _x = new double[capacity];
        _y = new double[capacity];
        _priority = new ulong[capacity];
        _left = new int[capacity];
        _right = new int[capacity];
    }

    public double X(int node) => _x[node];

    public double Y(int node) => _y[node];

    public void Insert(double x, double y)
    {
        if (_count == _x.Length)
        {
            Grow();
        }

        int n = _count++;
        _x[n] = x;
        _y[n] = y;
        _priority[n] = Randomness.SplitMix64.Next(ref _state);
        _left[n] = -1;
        _right[n] = -1;
        Split(_root, x, out int l, out int r);
        _root = Merge(Merge(l, n), r);
    }

    /// <summary>Removes the node whose key is exactly <paramref name="x"/> (keys are unique).</summary>
    public void Remove(double x)
    {
        Split(_root, x, out int l, out int r);
        Split(r, Math.BitIncrement(x), out _, out int r2);
        _root = Merge(l, r2);
    }

    /// <summary>The node with the largest key strictly below <paramref name="x"/>, or −1.</summary>
    public int Below(double x)
    {
        int best = -1;
        for (int t = _root; t >= 0;)
        {
            if (_x[t] < x)
            {
                best = t;
                t = _right[t];
            }
            else
            {
                t = _left[t];
            }
        }

        return best;
    }

    /// <summary>The node with the smallest key at or above <paramref name="x"/>, or −1.</summary>
    public int AtOrAbove(double x)
    {
        int best = -1;
        for (int t = _root; t >= 0;)
        {
            if (_x[t] >= x)
            {
                best = t;
                t = _left[t];
            }
            else
            {
                t = _right[t];
            }
        }

        return best;
    }

    /// <summary>Splits by key: left keys &lt; <paramref name="key"/>, right keys ≥ it.</summary>
    private void Split(int t, double key, out int left, out int right)
    {
        if (t < 0)
        {
            left = right = -1;
            return;
        }

        if (_x[t] < key)
        {
            Split(_right[t], key, out int l, out right);
            _right[t] = l;
            left = t;
        }
        else
        {
            Split(_left[t], key, out left, out int r);
            _left[t] = r;
            right = t;
        }
    }

    private int Merge(int a, int b)
    {
        if (a < 0)
        {
            return b;
        }

        if (b < 0)
        {
            return a;
        }

        if (_priority[a] > _priority[b])
        {
            _right[a] = Merge(_right[a], b);
            return a;
        }

        _left[b] = Merge(a, _left[b]);
        return b;
    }

    private void Grow()
    {
        int c = _x.Length * 2;
        Array.Resize(ref _x, c);
        Array.Resize(ref _y, c);
        Array.Resize(ref _priority, c);
        Array.Resize(ref _left, c);
        Array.Resize(ref _right, c);
    }
}
