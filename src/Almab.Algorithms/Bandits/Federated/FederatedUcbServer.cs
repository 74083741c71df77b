using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits.Federated;

/// <summary>
/// The federated UCB server (survey 001 section 1.1): absorbs agents' (count, mean) updates into global per-arm sums
/// and answers with a snapshot of counts and b-bit quantized global means. Raw rewards never leave an agent.
/// </summary>
public sealed class FederatedUcbServer
{
    private readonly long[] _count;
    private readonly double[] _sum;
    private readonly MeanQuantizer _quantizer;
    private readonly Rng _rng;

    /// <summary>Creates the server; downlink quantization draws come from <paramref name="seed"/>.</summary>
    public FederatedUcbServer(int arms, MeanQuantizer quantizer, Seed seed)
    {
        BanditGuard.Arms(arms);
        Arms = arms;
        _quantizer = quantizer ?? throw new ArgumentNullException(nameof(quantizer));
        _rng = seed.CreateRng();
        _count = new long[arms];
        _sum = new double[arms];
    }

    /// <summary>Number of arms.</summary>
    public int Arms { get; }

    /// <summary>Messages absorbed.</summary>
    public long Messages { get; private set; }

    /// <summary>Global pulls of <paramref name="arm"/> reported so far.</summary>
    public long Count(int arm) => _count[arm];

    /// <summary>Global mean of <paramref name="arm"/> (0 when none).</summary>
    public double Mean(int arm) => _count[arm] == 0 ? 0.0 : _sum[arm] / _count[arm];

    /// <summary>Adds an uplink message.</summary>
    public void Absorb(ReadOnlySpan<long> counts, ReadOnlySpan<double> means)
    {
        for (int i = 0; i < Arms; i++)
        {
            if (counts[i] < 0 || !double.IsFinite(means[i]))
            {
                throw new ArgumentException($"update for arm {i} must have a count >= 0 and a finite mean.", nameof(counts));
            }

            _count[i] += counts[i];
            _sum[i] += counts[i] * means[i];
        }

        Messages++;
    }

    /// <summary>Writes the downlink snapshot: counts and decoded quantized means.</summary>
    public void Snapshot(Span<long> counts, Span<double> means)
    {
        for (int i = 0; i < Arms; i++)
        {
            counts[i] = _count[i];
            means[i] = _count[i] == 0 ? 0.0 : _quantizer.RoundTrip(_sum[i] / _count[i], _rng);
        }
    }
}
