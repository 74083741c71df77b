using System.Numerics;

namespace Almab.Sim.Cluster.Engine;

/// <summary>
/// A set of worker numbers in [0, K) as a two-level bitset: one bit per worker and one summary bit per non-empty
/// 64-worker word, so finding the lowest member at or after a worker costs O(K / 4096 + 1) word reads instead of a scan
/// over K workers (a decision on a 10⁵-worker cluster looks at a handful of words). Members come out ascending.
/// </summary>
internal sealed class WorkerSet
{
    private readonly ulong[] _words;
    private readonly ulong[] _summary;

    /// <summary>Creates an empty set for <paramref name="workers"/> workers.</summary>
    public WorkerSet(int workers)
    {
        _words = new ulong[(workers + 63) >> 6];
        _summary = new ulong[(_words.Length + 63) >> 6];
    }

    /// <summary>Adds worker <paramref name="w"/>.</summary>
    public void Add(int w)
    {
        int i = w >> 6;
        _words[i] |= 1UL << w;
        _summary[i >> 6] |= 1UL << i;
    }

    /// <summary>Removes worker <paramref name="w"/>.</summary>
    public void Remove(int w)
    {
        int i = w >> 6;
        if ((_words[i] &= ~(1UL << w)) == 0)
        {
            _summary[i >> 6] &= ~(1UL << i);
        }
    }

    /// <summary>Adds or removes <paramref name="w"/>.</summary>
    public void Set(int w, bool member)
    {
        if (member)
        {
            Add(w);
        }
        else
        {
            Remove(w);
        }
    }

    /// <summary>The smallest member ≥ <paramref name="from"/>, or -1.</summary>
    public int NextAtOrAfter(int from)
    {
        int i = from >> 6;
        if (i >= _words.Length)
        {
            return -1;
        }

        ulong word = _words[i] & (ulong.MaxValue << from);
        if (word != 0)
        {
            return (i << 6) | BitOperations.TrailingZeroCount(word);
        }

        // The next non-empty word after i, through the summary.
        int next = i + 1;
        int s = next >> 6;
        if (s >= _summary.Length)
        {
            return -1;
        }

        ulong sum = (next & 63) == 0 ? _summary[s] : _summary[s] & (ulong.MaxValue << next);
        while (sum == 0)
        {
            if (++s == _summary.Length)
            {
                return -1;
            }

            sum = _summary[s];
        }

        int wi = (s << 6) | BitOperations.TrailingZeroCount(sum);
        return (wi << 6) | BitOperations.TrailingZeroCount(_words[wi]);
    }
}
