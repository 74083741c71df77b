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
        ulong h = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            h ^= b;
            h *= 0x100000001B3UL;
        }

        return SplitMix64.Mix(h);
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ulong Combine(ulong parent, ulong child) =>
        SplitMix64.Mix(SplitMix64.Mix(parent + 0x9E3779B97F4A7C15UL) ^ child);
}
