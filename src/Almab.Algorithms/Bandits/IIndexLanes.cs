using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// A chunk width for scanning UCB-style indices mean_i + width inv_i (<see cref="CucbPolicy"/>): which of the
/// <see cref="Count"/> arms from i have an index &gt;= t0 and &gt; h, as a bit mask (bit j = arm i + j). Each lane
/// computes the index as one product then one sum, like the scalar expression, so every width gives the same bits.
/// </summary>
internal interface IIndexLanes
{
    /// <summary>Arms per chunk.</summary>
    static abstract int Count { get; }

    /// <summary>Bit j set when arm i + j's index is &gt;= <paramref name="t0"/> and &gt; <paramref name="h"/>.</summary>
    static abstract ulong Candidates(ReadOnlySpan<double> mean, ReadOnlySpan<double> inv, int i, double width, double t0, double h);
}

/// <summary>The chunk widths: 512-bit, 256-bit vectors and one arm.</summary>
internal static class IndexLanes
{
    /// <summary>Eight arms per Vector512.</summary>
    public readonly struct Of512 : IIndexLanes
    {
        public static int Count => Vector512<double>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Candidates(ReadOnlySpan<double> mean, ReadOnlySpan<double> inv, int i, double width, double t0, double h)
        {
            var index = Vector512.Create(mean.Slice(i, Count)) + Vector512.Create(width) * Vector512.Create(inv.Slice(i, Count));
            return (Vector512.GreaterThanOrEqual(index, Vector512.Create(t0)) & Vector512.GreaterThan(index, Vector512.Create(h))).ExtractMostSignificantBits();
        }
    }

    /// <summary>Four arms per Vector256.</summary>
    public readonly struct Of256 : IIndexLanes
    {
        public static int Count => Vector256<double>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Candidates(ReadOnlySpan<double> mean, ReadOnlySpan<double> inv, int i, double width, double t0, double h)
        {
            var index = Vector256.Create(mean.Slice(i, Count)) + Vector256.Create(width) * Vector256.Create(inv.Slice(i, Count));
            return (Vector256.GreaterThanOrEqual(index, Vector256.Create(t0)) & Vector256.GreaterThan(index, Vector256.Create(h))).ExtractMostSignificantBits();
        }
    }

    /// <summary>One arm (the tail of a block, or no SIMD).</summary>
    public readonly struct Of1 : IIndexLanes
    {
        public static int Count => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Candidates(ReadOnlySpan<double> mean, ReadOnlySpan<double> inv, int i, double width, double t0, double h)
        {
            double index = mean[i] + width * inv[i];
            return index >= t0 && index > h ? 1UL : 0UL;
        }
    }
}
