using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits.Federated;

/// <summary>
/// b-bit quantization of a mean in [<see cref="Low"/>, <see cref="High"/>] (survey 001 section 1.1, "quantized updates:
/// send compressed representations of local estimates"): 2^b - 1 equal steps and stochastic rounding (round up with
/// probability equal to the fractional part), so the decoded value is unbiased. Values outside the range are clipped.
/// b = 64 means no quantization (a raw double).
/// </summary>
public sealed class MeanQuantizer
{
    /// <summary>Creates a quantizer with <paramref name="bits"/> in [1, 32] or 64.</summary>
    public MeanQuantizer(int bits, double low = 0.0, double high = 1.0)
    {
        if (!((bits >= 1 && bits <= 32) || bits == 64))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"quantization bits b must be in [1, 32] or 64 (none), got {bits}.");
        }

        if (!(high > low) || !double.IsFinite(low) || !double.IsFinite(high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, "quantizer range must be finite with high > low.");
        }

        Bits = bits;
        Low = low;
        High = high;
    }

    /// <summary>Bits per transmitted mean.</summary>
    public int Bits { get; }

    /// <summary>Lower end of the range.</summary>
    public double Low { get; }

    /// <summary>Upper end of the range.</summary>
    public double High { get; }

    /// <summary>The value the receiver decodes for <paramref name="value"/> (stochastic rounding with <paramref name="rng"/>).</summary>
    public double RoundTrip(double value, Rng rng)
    {
        if (Bits == 64)
        {
            return value;
        }

        double levels = Math.Pow(2, Bits) - 1;
        double x = (Math.Clamp(value, Low, High) - Low) / (High - Low) * levels;
        double floor = Math.Floor(x);
        double q = floor + (rng.NextDouble() < x - floor ? 1 : 0);
        return Low + q / levels * (High - Low);
    }

    /// <summary>Bytes of one message holding <paramref name="arms"/> (count, mean) pairs: 4-byte counts plus b-bit means, rounded up, plus an 8-byte header.</summary>
    public long MessageBytes(int arms) => 8 + 4L * arms + ((long)arms * Bits + 7) / 8;
}
