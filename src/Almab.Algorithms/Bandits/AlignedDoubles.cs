using System.Runtime.InteropServices;

namespace Almab.Algorithms.Bandits;

/// <summary>Pinned double arrays whose group vectors start on 64-byte boundaries (one Vector512 each).</summary>
internal static class AlignedDoubles
{
    /// <summary>
    /// A pinned (never moved) array of <paramref name="length"/> doubles, and the offset of its first 64-byte-aligned
    /// element in <paramref name="start"/>; <paramref name="length"/> must include up to 7 doubles of slack for it.
    /// </summary>
    public static double[] Allocate(long length, string paramName, object actualValue, string what, out int start)
    {
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(paramName, actualValue, what + " exceeds an array.");
        }

        var data = GC.AllocateArray<double>((int)length, pinned: true);
        var handle = GCHandle.Alloc(data, GCHandleType.Pinned);
        start = (int)((64 - (handle.AddrOfPinnedObject() & 63)) & 63) / sizeof(double);
        handle.Free();
        return data;
    }
}
