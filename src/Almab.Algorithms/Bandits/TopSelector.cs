namespace Almab.Algorithms.Bandits;

/// <summary>
/// The m largest of N scores in one pass with a size-m min-heap (O(N log m), no allocation): ties go to the lower
/// index, and the result is written largest first. Shared by CUCB and the top-m index policies.
/// </summary>
internal sealed class TopSelector
{
    private readonly int[] _heap;
    private readonly double[] _key;
    private int _m, _size;

    public TopSelector(int capacity)
    {
        _heap = new int[capacity];
        _key = new double[capacity];
    }

    /// <summary>Writes the indices of the <c>destination.Length</c> largest <paramref name="scores"/>, largest first.</summary>
    public void Select(ReadOnlySpan<double> scores, Span<int> destination)
    {
        Begin(destination.Length);
        for (int i = 0; i < scores.Length; i++)
        {
            Offer(i, scores[i]);
        }

        End(destination);
    }

    /// <summary>Starts a selection of the <paramref name="m"/> largest; offer candidates in increasing index order.</summary>
    public void Begin(int m)
    {
        _m = m;
        _size = 0;
    }

    /// <summary>
    /// A score must exceed this to enter (-infinity until m candidates are held): callers may skip any candidate at or
    /// below it, since a later index never wins a tie.
    /// </summary>
    public double Threshold => _size < _m ? double.NegativeInfinity : _key[0];

    /// <summary>Candidates held (at most m).</summary>
    public int Count => _size;

    /// <summary>Offers candidate <paramref name="index"/> (indices must increase) with <paramref name="score"/>.</summary>
    public void Offer(int index, double score)
    {
        if (_size < _m)
        {
            _heap[_size] = index;
            _key[_size] = score;
            SiftUp(_size++);
        }
        else if (score > _key[0])
        {
            _heap[0] = index;
            _key[0] = score;
            SiftDown(0, _m);
        }
    }

    /// <summary>Writes the held candidates into <paramref name="destination"/>, largest first.</summary>
    public void End(Span<int> destination)
    {
        // Pop the heap: the worst comes out first, so fill from the back.
        for (int k = _size - 1; k >= 0; k--)
        {
            destination[k] = _heap[0];
            _heap[0] = _heap[k];
            _key[0] = _key[k];
            SiftDown(0, k);
        }
    }

    /// <summary>Heap order "a is worse than b": smaller key, or equal key and larger index (lower index wins ties).</summary>
    private bool Worse(int a, int b) => _key[a] < _key[b] || (_key[a] == _key[b] && _heap[a] > _heap[b]);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            int p = (i - 1) >> 1;
            if (!Worse(i, p))
            {
                return;
            }

            Swap(i, p);
            i = p;
        }
    }

    private void SiftDown(int i, int size)
    {
        while (true)
        {
            int l = 2 * i + 1, r = l + 1, w = i;
            if (l < size && Worse(l, w))
            {
                w = l;
            }

            if (r < size && Worse(r, w))
            {
                w = r;
            }

            if (w == i)
            {
                return;
            }

            Swap(i, w);
            i = w;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        (_key[a], _key[b]) = (_key[b], _key[a]);
    }
}
