using System.Text;

namespace Almab.Algorithms.Randomness;

/// <summary>
/// A seed derived from named coordinates (ARCHITECTURE.md, "Randomness"): a pure, stable function of the
/// root seed and the path of names and indices below it. Never <c>seed + i</c>, never <c>GetHashCode</c>:
/// adding a method or a replicate shifts no other stream, and results are identical across processes.
/// </summary>
public readonly record struct Seed(ulong Value)
{
    /// <summary>The child seed for a named coordinate, e.g. <c>"case:dose-response"</c>.</summary>
    public Seed Derive(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new Seed(Combine(Value, StableHash(name)));
    }

    /// <summary>The child seed for an indexed coordinate, e.g. a replicate or worker number.</summary>
    public Seed Derive(long index) => new(Combine(Value, SplitMix64.Mix(unchecked((ulong)index) ^ 0x5851F42D4C957F2DUL)));

    /// <summary>A fresh generator for this stream.</summary>
    public Rng CreateRng() => new(Value);

    /// <summary>FNV-1a 64 over the UTF-8 bytes, then mixed: stable across runs, machines and .NET versions.</summary>
    public static ulong StableHash(string text)
    {
        // The UTF-8 bytes without an array per call (seeds are derived several dozen times per replicate): ASCII
        // characters are their own bytes; anything else is encoded into a stack (or, if long, a pooled) buffer.
        ulong h = 0xCBF29CE484222325UL;
        if (System.Text.Ascii.IsValid(text))
        {
            foreach (char c in text)
            {
                h ^= c;
                h *= 0x100000001B3UL;
            }

            return SplitMix64.Mix(h);
        }

        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > 512 ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        int count = Encoding.UTF8.GetBytes(text, buffer);
        foreach (byte b in buffer[..count])
        {
            h ^= b;
            h *= 0x100000001B3UL;
        }

        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        return SplitMix64.Mix(h);
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ulong Combine(ulong parent, ulong child) =>
        SplitMix64.Mix(SplitMix64.Mix(parent + 0x9E3779B97F4A7C15UL) ^ child);
}
