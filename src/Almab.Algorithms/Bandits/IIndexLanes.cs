using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// A chunk width for scanning UCB-style indices mean_i + width inv_i (<see cref="CucbPolicy"/>): which of the
/// <see cref="Count"/> arms from i have an index &gt;= t0 and &gt; h, as a bit mask (bit j = arm i + j). An instance
/// holds width and t0 broadcast once per scan. Each lane computes the index as one product then one sum, like the
/// scalar expression, so every width gives the same bits.
/// </summary>
internal interface IIndexLanes<TSelf>
    where TSelf : struct, IIndexLanes<TSelf>
{
    /// <summary>Arms per chunk.</summary>
    static abstract int Count { get; }

    /// <summary>The lanes for exploration width <paramref name="width"/> and lower bound <paramref name="t0"/>.</summary>
    static abstract TSelf Create(double width, double t0);

    /// <summary>Bit j set when arm i + j's index is &gt;= t0 and &gt; <paramref name="h"/>.</summary>
    ulong Candidates(ReadOnlySpan<double> mean, ReadOnlySpan<double> inv, int i, double h);
}

/// <summary>The chunk widths: 512-bit, 256-bit vectors and one arm.</summary>
internal static class IndexLanes
{
    /// <summary>Eight arms per Vector512.</summary>
    public readonly struct Of512(Vector512<double> width, Vector512<double> t0) : IIndexLanes<Of512>
    {
        public static int Count => Vector512<double>.Count;

        public static Of512 Create(double width, double t0) => new(Vector512.Create(width), Vector512.Create(t0));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Candidates(ReadOnlySpan<double> mean, ReadOnlySpan<double> inv, int i, double h)
        {
            var index = Vector512.Create(mean.Slice(i, Count)) + width * Vector512.Create(inv.Slice(i, Count));
            return (Vector512.GreaterThanOrEqual(index, t0) & Vector512.GreaterThan(index, Vector512.Create(h))).ExtractMostSignificantBits();
        }
    }

    /// <summary>Four arms per Vector256.</summary>
    public readonly struct Of256(Vector256<double> width, Vector256<double> t0) : IIndexLanes<Of256>
    {
        public static int Count => Vector256<double>.Count;

        public static Of256 Create(double width, double t0) => new(Vector256.Create(width), Vector256.Create(t0));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Candidates(ReadOnlySpan<double> mean, ReadOnlySpan<double> inv, int i, double h)
        {
            var index = Vector256.Create(mean.Slice(i, Count)) + width * Vector256.Create(inv.Slice(i, Count));
            return (Vector256.GreaterThanOrEqual(index, t0) & Vector256.GreaterThan(index, Vector256.Create(h))).ExtractMostSignificantBits();
        }
    }

    /// <summary>One arm (the tail of a block, or no SIMD).</summary>
    public readonly struct Of1(double width, double t0) : IIndexLanes<Of1>
    {
        public static int Count => 1;

        public static Of1 Create(double width, double t0) => new(width, t0);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Candidates(ReadOnlySpan<double> mean, ReadOnlySpan<double> inv, int i, double h)
        {
            double index = mean[i] + width * inv[i];
            return index >= t0 && index > h ? 1UL : 0UL;
        }
    }
}
