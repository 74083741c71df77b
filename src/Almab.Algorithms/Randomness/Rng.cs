using System.Numerics;
using System.Runtime.CompilerServices;

namespace Almab.Algorithms.Randomness;

/// <summary>
/// Almab's pseudo-random generator: xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64.
/// Derives from <see cref="System.Random"/> so MathNet.Numerics distributions can draw from it, and
/// overrides every virtual member so no draw ever reaches the framework's legacy algorithm.
/// Not thread-safe: every simulation cell owns its own instances (see <see cref="Seed"/>).
/// </summary>
public sealed class Rng : Random
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpare;

    /// <summary>Creates a generator whose whole state is a pure function of <paramref name="seed"/>.</summary>
    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64.Next(ref x);
        _s1 = SplitMix64.Next(ref x);
        _s2 = SplitMix64.Next(ref x);
        _s3 = SplitMix64.Next(ref x);
    }

    /// <summary>Creates a generator from a derived <see cref="Seed"/>.</summary>
    public Rng(Seed seed) : this(seed.Value)
    {
    }

    /// <summary>
    /// Puts this generator in exactly the state <c>new Rng(seed)</c> starts in (spare Gaussian dropped), so a hot loop
    /// that needs one fresh stream per item can reuse one instance: every <see cref="System.Random"/> construction
    /// also allocates the framework's compatibility object and draws from its shared generator.
    /// </summary>
    public void Reseed(Seed seed)
    {
        ulong x = seed.Value;
        _s0 = SplitMix64.Next(ref x);
        _s1 = SplitMix64.Next(ref x);
        _s2 = SplitMix64.Next(ref x);
        _s3 = SplitMix64.Next(ref x);
        _spareGaussian = 0.0;
        _hasSpare = false;
    }

    /// <summary>Next raw 64-bit output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform double in (0, 1]: safe for logarithms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 1) * (1.0 / 9007199254740992.0);

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    /// <inheritdoc />
    public override int Next()
    {
        // Random.Next() excludes int.MaxValue; reject it rather than bias the top value.
        while (true)
        {
            int v = (int)(NextUInt64() >> 33);
            if (v != int.MaxValue)
            {
                return v;
            }
        }
    }

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : (int)Bounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = (ulong)((long)maxValue - minValue);
        return range <= 1 ? minValue : (int)((long)minValue + (long)Bounded(range));
    }

    /// <inheritdoc />
    public override long NextInt64()
    {
        while (true)
        {
            long v = (long)(NextUInt64() >> 1);
            if (v != long.MaxValue)
            {
                return v;
            }
        }
    }

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : (long)Bounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = (ulong)(maxValue - minValue);
        return range <= 1 ? minValue : minValue + (long)Bounded(range);
    }

    /// <inheritdoc />
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / 16777216.0f);

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextUInt64() >> 56);
        }
    }

    /// <summary>Standard normal draw (Marsaglia polar method; the spare value is cached).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }

        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);
        double m = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareGaussian = v * m;
        _hasSpare = true;
        return u * m;
    }

    /// <summary>Normal draw with the given mean and standard deviation.</summary>
    public double NextGaussian(double mean, double sd) => mean + sd * NextGaussian();

    /// <summary>Exponential draw with the given mean (not rate).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential(double mean) => -mean * Math.Log(NextOpenDouble());

    /// <summary>Unbiased integer in [0, range) by Lemire's multiply-and-reject method.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Bounded(ulong range)
    {
        ulong x = NextUInt64();
        UInt128 m = (UInt128)x * range;
        ulong low = (ulong)m;
        if (low < range)
        {
            ulong threshold = (0 - range) % range;
            while (low < threshold)
            {
                x = NextUInt64();
                m = (UInt128)x * range;
                low = (ulong)m;
            }
        }

        return (ulong)(m >> 64);
    }
}
