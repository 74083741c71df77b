namespace Almab.Reports.Statistics;

/// <summary>
/// Reports' private seeded generator: xoshiro256** (Blackman and Vigna, 2018) with its state filled by
/// SplitMix64 from a 64-bit seed, the seeding the xoshiro authors recommend. Almab.Reports may not use
/// Almab.Algorithms' Rng (dependency direction, see docs/notes/architecture-notes.md), so the few lines
/// of the step are repeated here; the published output vectors of both generators are tested.
/// </summary>
internal sealed class ReportsRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the four state words with four SplitMix64 outputs of <paramref name="seed"/>.</summary>
    public ReportsRandom(ulong seed)
    {
        ulong sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    private ReportsRandom(ulong s0, ulong s1, ulong s2, ulong s3) => (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);

    /// <summary>A generator with the given raw state (for the published test vector).</summary>
    public static ReportsRandom FromState(ulong s0, ulong s1, ulong s2, ulong s3) => new(s0, s1, s2, s3);

    /// <summary>One SplitMix64 step: advances <paramref name="state"/> and returns the mixed output.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Next 64 random bits (xoshiro256** step).</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, n), unbiased (Lemire's multiply-and-reject on 32 bits).</summary>
    public int NextInt(int n)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The range must be positive.");
        }

        ulong m = (NextUInt64() >> 32) * (ulong)n;
        uint low = (uint)m;
        if (low < (uint)n)
        {
            uint threshold = (uint)-n % (uint)n;
            while (low < threshold)
            {
                m = (NextUInt64() >> 32) * (ulong)n;
                low = (uint)m;
            }
        }

        return (int)(m >> 32);
    }
}
