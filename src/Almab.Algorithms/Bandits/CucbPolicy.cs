using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// CUCB for the top-m semi-bandit (Chen, Wang and Yuan 2013, Algorithm 1 with the top-m oracle; survey 001 section
/// 5.2): index mu_i + sqrt(3 ln t / (2 T_i)) with t the rounds played so far (at least 1) and T_i arm i's observed
/// rewards; arms never observed have index +infinity and are tried first, lowest index first. The oracle is exact
/// for top-m (a ranked list of the arms that can still enter, O(N) SIMD compares at worst and whole blocks skipped by
/// exact bounds, no allocation; the same set as sorting all N indices). Rewards must lie in [0, 1].
/// </summary>
public sealed class CucbPolicy : ICombinatorialPolicy
{
    private readonly long[] _count;
    private readonly double[] _sum;
    private readonly double[] _mean;
    private readonly double[] _invSqrtN;
    private const int BlockShift = 6;
    private const int BlockSize = 1 << BlockShift;
    private readonly double[] _blockMean;
    private readonly double[] _blockInv;
    private readonly bool[] _blockDirty;
    private readonly int[] _ranked;
    private readonly int[] _seeds;
    private readonly double[] _seedTop;
    private readonly double[] _rankedValue;
    private int _rankedCount;
    private int _seedCount, _offered;
    private double _slack;
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
        int blocks = (arms + BlockSize - 1) >> BlockShift;
        _blockMean = new double[blocks];
        _blockInv = new double[blocks];
        _blockDirty = new bool[blocks];
        _ranked = new int[Math.Min(2 * setSize, arms)];
        _seeds = new int[_ranked.Length];
        _seedTop = new double[setSize];
        _rankedValue = new double[_ranked.Length];
        ResetBounds();
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

        // The same set as sorting all N indices mean + width / sqrt(T_i) (ties to the lower arm), found with exact
        // cuts so that few arms reach the ranked list:
        // (1) t0 = the m-th largest current index of last round's best 2m arms (the seeds): m arms have index >= t0,
        //     so every arm of the top m has index >= t0. Lanes are offered from tc = t0 - slack <= t0, the slack adapted
        //     (doubled when fewer than 2m arms reached the list, halved when more than 4m did) so that about 2m arms
        //     are offered and the next round again has 2m seeds; the slack only changes the work, never the set;
        // (2) blocks of 64 arms carry upper bounds on their mean and 1 / sqrt(T_i) (raised by Update, tightened when a
        //     changed block is scanned), and rounding is monotone, so bound = maxMean + width * maxInv is >= every
        //     index in the block: a block with bound < tc or bound <= the list's entry threshold is skipped unread;
        // (3) inside a block, SIMD lanes are inserted only when >= tc and above the list's entry threshold.
        // Candidates arrive in increasing arm order into a descending list of the best 2m (the set is its first m).
        double width = Math.Sqrt(1.5 * Math.Log(Math.Max(_rounds, 1)));
        var mean = _mean.AsSpan();
        var inv = _invSqrtN.AsSpan(0, mean.Length);
        double t0 = double.NegativeInfinity, tc = t0;
        if (_seedCount >= SetSize)
        {
            // m-th largest of the seeds' current indices: a descending top-m by insertion.
            var best = _seedTop.AsSpan();
            best.Fill(double.NegativeInfinity);
            foreach (int r in _seeds.AsSpan(0, _seedCount))
            {
                double v = mean[r] + width * inv[r];
                if (v > best[^1])
                {
                    int k = best.Length - 1;
                    while (k > 0 && best[k - 1] < v)
                    {
                        best[k] = best[k - 1];
                        k--;
                    }

                    best[k] = v;
                }
            }

            t0 = best[^1];
            tc = t0 - _slack;
        }

        _offered = 0;
        _rankedCount = 0;
        double h = _ranked.Length == 0 ? double.PositiveInfinity : double.NegativeInfinity;
        for (int b = 0; b < _blockMean.Length; b++)
        {
            double bound = _blockMean[b] + width * _blockInv[b];
            if (!(bound >= tc && bound > h))
            {
                continue;
            }

            int start = b << BlockShift, end = Math.Min(start + BlockSize, mean.Length);
            if (_blockDirty[b])
            {
                Tighten(b, start, end);
                bound = _blockMean[b] + width * _blockInv[b];
                if (!(bound >= tc && bound > h))
                {
                    continue;
                }
            }

            h = ScanBlock(mean, inv, start, end, width, tc, h);
        }

        var ranked = _ranked.AsSpan(0, _rankedCount);
        ranked[..SetSize].CopyTo(destination);
        ranked.CopyTo(_seeds);
        _seedCount = ranked.Length;
        if (double.IsFinite(t0))
        {
            if (ranked.Length < _ranked.Length)
            {
                _slack = Math.Min(Math.Max(2 * _slack, 1e-12 * (1 + Math.Abs(t0))), 1e300);
            }
            else if (_offered > 4 * SetSize)
            {
                _slack *= 0.5;
            }
        }

        _rounds++;
    }

    /// <summary>Inserts the block's lanes with index >= t0 and > the entry threshold h; returns the new threshold.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own register allocation, away from SelectSet's
    private double ScanBlock(ReadOnlySpan<double> mean, ReadOnlySpan<double> inv, int start, int end, double width, double t0, double h)
    {
        int i = start;
        if (Vector512.IsHardwareAccelerated)
        {
            h = ScanLanes<IndexLanes.Of512>(mean, inv, ref i, end, width, t0, h);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            h = ScanLanes<IndexLanes.Of256>(mean, inv, ref i, end, width, t0, h);
        }

        return ScanLanes<IndexLanes.Of1>(mean, inv, ref i, end, width, t0, h);
    }

    /// <summary>
    /// Whole chunks of <typeparamref name="TLanes"/> from <paramref name="i"/> (advanced past them): each lane whose
    /// index mean + width inv is >= t0 and > h is offered in arm order, its index recomputed as the same scalar
    /// expression (bit-equal to the lane's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double ScanLanes<TLanes>(ReadOnlySpan<double> mean, ReadOnlySpan<double> inv, ref int i, int end, double width, double t0, double h)
        where TLanes : struct, IIndexLanes<TLanes>
    {
        var lanes = TLanes.Create(width, t0);
        int at = i; // a local, not the by-ref counter, in the loop
        while (true)
        {
            // The hot loop finds the next chunk with a candidate and makes no call, so its values stay in registers.
            ulong bits = 0;
            for (; at <= end - TLanes.Count; at += TLanes.Count)
            {
                bits = lanes.Candidates(mean, inv, at, h);
                if (bits != 0)
                {
                    break;
                }
            }

            if (bits == 0)
            {
                break;
            }

            do
            {
                int j = at + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                double v = mean[j] + width * inv[j];
                if (v > h)
                {
                    h = Insert(j, v);
                }
            }
            while (bits != 0);
            at += TLanes.Count;
        }

        i = at;
        return h;
    }

    /// <summary>
    /// Inserts arm (larger than every arm held) with value v (above the threshold) into the descending list of the
    /// best 2m, after equal values (ties to the lower arm); returns the new entry threshold.
    /// </summary>
    private double Insert(int arm, double v)
    {
        _offered++;
        var values = _rankedValue;
        var arms = _ranked;
        int k = _rankedCount < arms.Length ? _rankedCount++ : arms.Length - 1;
        while (k > 0 && values[k - 1] < v)
        {
            values[k] = values[k - 1];
            arms[k] = arms[k - 1];
            k--;
        }

        values[k] = v;
        arms[k] = arm;
        return _rankedCount < arms.Length ? double.NegativeInfinity : values[^1];
    }

    /// <summary>Recomputes block <paramref name="b"/>'s exact maximum mean and 1 / sqrt(T_i).</summary>
    private void Tighten(int b, int start, int end)
    {
        double maxMean = double.NegativeInfinity, maxInv = 0;
        int i = start;
        if (Vector512.IsHardwareAccelerated && end - start >= Vector512<double>.Count)
        {
            var vm = Vector512.Create(double.NegativeInfinity);
            var vi = Vector512<double>.Zero;
            for (; i <= end - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                vm = Vector512.Max(vm, Vector512.Create(_mean.AsSpan(i, Vector512<double>.Count)));
                vi = Vector512.Max(vi, Vector512.Create(_invSqrtN.AsSpan(i, Vector512<double>.Count)));
            }

            for (int j = 0; j < Vector512<double>.Count; j++)
            {
                maxMean = Math.Max(maxMean, vm.GetElement(j));
                maxInv = Math.Max(maxInv, vi.GetElement(j));
            }
        }

        for (; i < end; i++)
        {
            maxMean = Math.Max(maxMean, _mean[i]);
            maxInv = Math.Max(maxInv, _invSqrtN[i]);
        }

        _blockMean[b] = maxMean;
        _blockInv[b] = maxInv;
        _blockDirty[b] = false;
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
        int b = arm >> BlockShift;
        _blockMean[b] = Math.Max(_blockMean[b], _mean[arm]);
        _blockInv[b] = Math.Max(_blockInv[b], _invSqrtN[arm]);
        _blockDirty[b] = true;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_count);
        Array.Clear(_sum);
        Array.Fill(_mean, double.PositiveInfinity);
        Array.Clear(_invSqrtN);
        ResetBounds();
        _rounds = 0;
    }

    private void ResetBounds()
    {
        Array.Fill(_blockMean, double.PositiveInfinity);
        Array.Clear(_blockInv);
        Array.Clear(_blockDirty);
        _seedCount = 0;
        _slack = 0;
    }
}
