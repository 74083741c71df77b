namespace Almab.Algorithms.Allocation;

/// <summary>
/// Recursive Allocation Selection (RAS, ATA paper Appendix B, Algorithm 8): an allocation a of B unit tasks over
/// n workers with sum a_i = B minimizing l(a, s) = max_i a_i s_i (Lemma B.2) and, among the minimizers, the
/// cardinality of argmax_i a_i s_i (Lemma B.3).
/// </summary>
/// <remarks>
/// Algorithm 8 unrolled: starting from a = 0, each of the B steps adds one task to a worker j among the sorted
/// prefix [r] (line 7) minimizing ||(a + e_j) * s||_inf (line 8) with the smallest argmax cardinality (line 9).
/// For positive scores the worker with the smallest next value v_j = (a_j + 1) s_j satisfies lines 8-9: if
/// v_j is below the current loss L every candidate with v &lt;= L keeps the loss and v_j &lt; L keeps the
/// cardinality (v = L would add one); if v_j = L all of M add exactly one; if v_j &gt; L the loss becomes
/// min v and the cardinality is 1 for every member of M. So a binary min-heap on (v_j, j) over the m = min(B, n)
/// smallest scores (the only workers the prefix [r] can ever reach) implements RAS in
/// O(n log m + B log m), within the paper's O(n ln min(B, n) + min(B, n)^2) bound (Remark B.1) when B &lt;= n.
/// Ties among equally good steps break to the lowest worker index (our choice; the paper leaves it open).
/// Zero scores: RAS is stated for positive scores; with any s_i = 0 every allocation confined to the zero-score
/// workers has loss 0 and the argmax is all n workers, so all such allocations tie. Following Appendix B
/// ("ATA allocates uniformly across these arms") the tasks are spread as evenly as possible over the zero-score
/// workers, the remainder going to the lowest indices (our choice).
/// The instance keeps its work buffers, so repeated calls allocate nothing once the buffers have grown.
/// </remarks>
public sealed class RecursiveAllocationSelection
{
    private int[] _candidates = [];
    private double[] _heapKey = [];
    private int[] _heapIndex = [];

    /// <summary>
    /// Writes the RAS allocation of <paramref name="tasks"/> tasks for <paramref name="scores"/> (s_i &gt;= 0, e.g.
    /// mean seconds per task or their lower confidence bounds) into <paramref name="allocation"/>.
    /// </summary>
    public void Solve(ReadOnlySpan<double> scores, int tasks, Span<int> allocation)
    {
        Validate(scores, tasks, allocation);
        allocation.Clear();
        if (tasks == 0)
        {
            return;
        }

        if (SpreadOverZeroScores(scores, tasks, allocation))
        {
            return;
        }

        SolvePositive(scores, tasks, allocation);
    }

    /// <summary>
    /// <see cref="Solve"/> for callers that guarantee what it checks: lengths match, B &gt;= 1 and every score is finite
    /// and &gt; 0 (the lower-confidence policies after their uniform phase). Skips two passes over the n scores.
    /// </summary>
    internal void SolvePositive(ReadOnlySpan<double> scores, int tasks, Span<int> allocation) =>
        SolvePositive(scores, tasks, allocation, out _);

    /// <summary>
    /// <see cref="SolvePositive(ReadOnlySpan{double}, int, Span{int})"/>, also returning <paramref name="last"/>, the value
    /// (a_j s_j with the task just added) of the B-th step: the largest value any worker reaches.
    /// </summary>
    internal void SolvePositive(ReadOnlySpan<double> scores, int tasks, Span<int> allocation, out double last)
    {
        int n = scores.Length;
        allocation.Clear();
        int m = Math.Min(tasks, n);
        EnsureCapacity(m);
        SelectSmallest(scores, m);

        BuildHeap(scores, _candidates.AsSpan(0, m));
        last = Merge(scores, tasks, allocation, m);
    }

    /// <summary>Min-heap on (v_j = (a_j + 1) s_j, j) over <paramref name="workers"/>; initially a = 0, so v_j = s_j.</summary>
    private void BuildHeap(ReadOnlySpan<double> scores, ReadOnlySpan<int> workers)
    {
        for (int c = 0; c < workers.Length; c++)
        {
            _heapKey[c] = scores[workers[c]];
            _heapIndex[c] = workers[c];
        }

        for (int c = workers.Length / 2 - 1; c >= 0; c--)
        {
            SiftDown(c, workers.Length);
        }
    }

    /// <summary>
    /// RAS restricted to <paramref name="candidates"/>, which must hold every worker whose score is &lt;= <paramref name="threshold"/>
    /// (any order). The B steps are the B smallest (a s_j, j), a = 1, 2, ..., over all workers (each worker's values
    /// increase, so the heap merges sorted sequences): when the B-th step's value is &lt;= threshold, no worker outside the
    /// candidates (score &gt; threshold) can take part, and the allocation equals the full one, ties included. Returns false
    /// (allocation cleared) when the B-th value exceeds the threshold, or when there is no candidate.
    /// </summary>
    internal bool TrySolvePositive(ReadOnlySpan<double> scores, ReadOnlySpan<int> candidates, int tasks, double threshold, Span<int> allocation, out double last)
    {
        allocation.Clear();
        last = double.NaN;
        int p = candidates.Length;
        if (p == 0)
        {
            return false;
        }

        EnsureCapacity(p);
        BuildHeap(scores, candidates);
        last = Merge(scores, tasks, allocation, p);
        if (last <= threshold)
        {
            return true;
        }

        allocation.Clear();
        return false;
    }

    /// <summary>The B steps on the heap of <paramref name="size"/> entries; returns the B-th step's value.</summary>
    private double Merge(ReadOnlySpan<double> scores, int tasks, Span<int> allocation, int size)
    {
        double key = double.NaN;
        for (int step = 0; step < tasks; step++)
        {
            int j = _heapIndex[0];
            key = _heapKey[0];
            int next = ++allocation[j];
            _heapKey[0] = (next + 1) * scores[j];
            SiftDown(0, size);
        }

        return key;
    }

    private static void Validate(ReadOnlySpan<double> scores, int tasks, Span<int> allocation)
    {
        if (scores.Length == 0)
        {
            throw new ArgumentException("RAS needs at least one worker; scores is empty.", nameof(scores));
        }

        if (allocation.Length != scores.Length)
        {
            throw new ArgumentException(
                $"allocation has {allocation.Length} entries but there are {scores.Length} scores.", nameof(allocation));
        }

        if (tasks < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tasks), tasks, "The task budget B must be >= 0.");
        }

        for (int i = 0; i < scores.Length; i++)
        {
            double s = scores[i];
            if (!(s >= 0.0) || double.IsPositiveInfinity(s))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(scores), s, $"Score s_{i} must be finite and >= 0 (mean seconds per task).");
            }
        }
    }

    private static bool SpreadOverZeroScores(ReadOnlySpan<double> scores, int tasks, Span<int> allocation)
    {
        int zeros = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (scores[i] == 0.0)
            {
                zeros++;
            }
        }

        if (zeros == 0)
        {
            return false;
        }

        int each = tasks / zeros;
        int extra = tasks % zeros;
        for (int i = 0; i < scores.Length; i++)
        {
            if (scores[i] == 0.0)
            {
                allocation[i] = each + (extra > 0 ? 1 : 0);
                extra--;
            }
        }

        return true;
    }

    /// <summary>Leaves the m workers with the smallest (score, index) in _candidates[0..m) via a size-m max-heap.</summary>
    private void SelectSmallest(ReadOnlySpan<double> scores, int m)
    {
        for (int i = 0; i < m; i++)
        {
            _candidates[i] = i;
        }

        for (int c = m / 2 - 1; c >= 0; c--)
        {
            SiftDownMax(scores, c, m);
        }

        for (int i = m; i < scores.Length; i++)
        {
            int top = _candidates[0];
            if (scores[i] < scores[top])
            {
                _candidates[0] = i;
                SiftDownMax(scores, 0, m);
            }
        }
    }

    private void SiftDownMax(ReadOnlySpan<double> scores, int c, int size)
    {
        int item = _candidates[c];
        while (true)
        {
            int child = 2 * c + 1;
            if (child >= size)
            {
                break;
            }

            if (child + 1 < size && AfterInOrder(scores, _candidates[child + 1], _candidates[child]))
            {
                child++;
            }

            if (!AfterInOrder(scores, _candidates[child], item))
            {
                break;
            }

            _candidates[c] = _candidates[child];
            c = child;
        }

        _candidates[c] = item;
    }

    private static bool AfterInOrder(ReadOnlySpan<double> scores, int a, int b) =>
        scores[a] > scores[b] || (scores[a] == scores[b] && a > b);

    private void SiftDown(int c, int size)
    {
        double key = _heapKey[c];
        int index = _heapIndex[c];
        while (true)
        {
            int child = 2 * c + 1;
            if (child >= size)
            {
                break;
            }

            if (child + 1 < size && Before(_heapKey[child + 1], _heapIndex[child + 1], _heapKey[child], _heapIndex[child]))
            {
                child++;
            }

            if (!Before(_heapKey[child], _heapIndex[child], key, index))
            {
                break;
            }

            _heapKey[c] = _heapKey[child];
            _heapIndex[c] = _heapIndex[child];
            c = child;
        }

        _heapKey[c] = key;
        _heapIndex[c] = index;
    }

    private static bool Before(double keyA, int indexA, double keyB, int indexB) =>
        keyA < keyB || (keyA == keyB && indexA < indexB);

    private void EnsureCapacity(int m)
    {
        if (_candidates.Length < m)
        {
            _candidates = new int[m];
            _heapKey = new double[m];
            _heapIndex = new int[m];
        }
    }
}
