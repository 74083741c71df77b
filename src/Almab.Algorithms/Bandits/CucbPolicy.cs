using System.Numerics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// CUCB for the top-m semi-bandit (Chen, Wang and Yuan 2013, Algorithm 1 with the top-m oracle; survey 001 section
/// 5.2): index mu_i + sqrt(3 ln t / (2 T_i)) with t the rounds played so far (at least 1) and T_i arm i's observed
/// rewards; arms never observed have index +infinity and are tried first, lowest index first. The oracle is exact
/// for top-m (a size-m heap over the N indices, O(N log m), no allocation). Rewards must lie in [0, 1].
/// </summary>
public sealed class CucbPolicy : ICombinatorialPolicy
{
    private readonly long[] _count;
    private readonly double[] _sum;
    private readonly double[] _mean;
    private readonly double[] _invSqrtN;
    private readonly TopSelector _top;
    private long _rounds;

    /// <summary>Creates CUCB choosing <paramref name="setSize"/> of <paramref name="arms"/> arms per round.</summary>
    public CucbPolicy(int arms, int setSize)
    {
        BanditGuard.Arms(arms);
        if (setSize < 1 || setSize > arms)
        {
            throw new ArgumentOutOfRangeException(nameof(setSize), setSize, $"set size m must be in [1, {arms}].");
        }

        Arms = arms;
        SetSize = setSize;
        _count = new long[arms];
        _sum = new double[arms];
        _mean = new double[arms];
        _invSqrtN = new double[arms];
        Array.Fill(_mean, double.PositiveInfinity);
        _top = new TopSelector(setSize);
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <inheritdoc />
    public int SetSize { get; }

    /// <summary>Rounds played (SelectSet calls).</summary>
    public long Rounds => _rounds;

    /// <summary>Writes the CUCB index of every arm at the current round.</summary>
    public void ComputeIndices(Span<double> indices)
    {
        // Cached per arm: mean (+inf when unseen) and 1 / sqrt(T_i) (0 when unseen), so one multiply-add per arm.
        double width = Math.Sqrt(1.5 * Math.Log(Math.Max(_rounds, 1)));
        var mean = _mean.AsSpan();
        var inv = _invSqrtN.AsSpan(0, mean.Length);
        var dest = indices[..mean.Length];
        for (int i = 0; i < mean.Length; i++)
        {
            dest[i] = mean[i] + width * inv[i];
        }
    }

    /// <inheritdoc />
    public void SelectSet(Span<int> destination)
    {
        if (destination.Length != SetSize)
        {
            throw new ArgumentException($"destination must hold m = {SetSize} arms, got {destination.Length}.", nameof(destination));
        }

        // One fused pass: SIMD lanes of mean + width / sqrt(T_i), and only lanes above the heap's entry threshold
        // reach the heap (the same set, in the same order of offers, as sorting all N indices).
        double width = Math.Sqrt(1.5 * Math.Log(Math.Max(_rounds, 1)));
        var mean = _mean.AsSpan();
        var inv = _invSqrtN.AsSpan(0, mean.Length);
        _top.Begin(SetSize);
        int i = 0, lanes = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<double>(width);
            for (; i <= mean.Length - lanes; i += lanes)
            {
                var index = new Vector<double>(mean.Slice(i, lanes)) + w * new Vector<double>(inv.Slice(i, lanes));
                if (Vector.GreaterThanAny(index, new Vector<double>(_top.Threshold)))
                {
                    for (int j = 0; j < lanes; j++)
                    {
                        _top.Offer(i + j, index[j]);
                    }
                }
            }
        }

        for (; i < mean.Length; i++)
        {
            _top.Offer(i, mean[i] + width * inv[i]);
        }

        _top.End(destination);
        _rounds++;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        BanditGuard.Arm(arm, Arms);
        BanditGuard.UnitReward(reward);
        _count[arm]++;
        _sum[arm] += reward;
        _mean[arm] = _sum[arm] / _count[arm];
        _invSqrtN[arm] = 1.0 / Math.Sqrt(_count[arm]);
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_count);
        Array.Clear(_sum);
        Array.Fill(_mean, double.PositiveInfinity);
        Array.Clear(_invSqrtN);
        _rounds = 0;
    }
}
