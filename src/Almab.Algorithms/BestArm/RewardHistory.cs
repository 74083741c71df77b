using System.Runtime.CompilerServices;

namespace Almab.Algorithms.BestArm;

/// <summary>
/// Every arm's reward history kept as prefix sums, so the mean of an arm's first m rewards costs O(1) (SH-RR's
/// equal-sample-size comparison). Buffers grow by doubling and are kept across <see cref="Reset"/>, so a warm
/// history allocates nothing per pull.
/// </summary>
internal sealed class RewardHistory
{
    private double[][] _prefix = [];
    private int[] _count = [];
    private int _arms;

    /// <summary>Forgets all rewards of <paramref name="arms"/> arms.</summary>
    public void Reset(int arms)
    {
        if (_prefix.Length < arms)
        {
            var grown = new double[arms][];
            Array.Copy(_prefix, grown, _prefix.Length);
            for (int k = _prefix.Length; k < arms; k++)
            {
                grown[k] = new double[16];
            }

            _prefix = grown;
            _count = new int[arms];
        }

        _arms = arms;
        Array.Clear(_count, 0, arms);
    }

    /// <summary>Number of rewards recorded for <paramref name="arm"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Count(int arm) => _count[arm];

    /// <summary>Appends a reward of <paramref name="arm"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int arm, double reward)
    {
        int n = _count[arm];
        double[] p = _prefix[arm];
        if (n + 1 >= p.Length)
        {
            Array.Resize(ref _prefix[arm], p.Length * 2);
            p = _prefix[arm];
        }

        // p[0] = 0 always; p[i] = sum of the first i rewards.
        p[n + 1] = p[n] + reward;
        _count[arm] = n + 1;
    }

    /// <summary>Sum of the first <paramref name="m"/> rewards of <paramref name="arm"/> (m &lt;= Count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double SumOfFirst(int arm, int m) => _prefix[arm][m];

    /// <summary>Sum of all rewards of <paramref name="arm"/>.</summary>
    public double Sum(int arm) => _prefix[arm][_count[arm]];

    /// <summary>Arms the history was reset for.</summary>
    public int Arms => _arms;
}
