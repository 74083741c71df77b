using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits.Federated;

/// <summary>
/// One agent of federated UCB (survey 001 section 1.1: "each agent maintains local UCB estimates; the server
/// aggregates; agents update policies from global estimates"). The agent's view of arm i pools the server's last
/// snapshot (n_g, mean_g) with its own rewards since its last send (n_l, s_l): mean = (n_g mean_g + s_l) / (n_g + n_l),
/// index = mean + c sqrt(ln t / n) with t the pooled pulls. Our reading: the survey's "weighted average of local UCBs"
/// is taken as the count-weighted pooled mean (the weighted average of the local means with weights n_j), which is
/// the federated UCB of Shi and Shen (2021) without its exploration schedule. Allocation-free.
/// </summary>
public sealed class FederatedUcbAgent
{
    private readonly long[] _globalCount;
    private readonly double[] _globalMean;
    private readonly long[] _localCount;
    private readonly double[] _localSum;
    private readonly MeanQuantizer _quantizer;
    private readonly Rng _rng;
    private long _globalTotal;
    private long _localTotal;

    /// <summary>Creates an agent over <paramref name="arms"/> arms; quantization draws come from <paramref name="seed"/>.</summary>
    public FederatedUcbAgent(int arms, MeanQuantizer quantizer, Seed seed, double c = 1.4142135623730951)
    {
        BanditGuard.Arms(arms);
        if (!(c >= 0) || double.IsInfinity(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "c must be finite and >= 0.");
        }

        Arms = arms;
        C = c;
        _quantizer = quantizer ?? throw new ArgumentNullException(nameof(quantizer));
        _rng = seed.CreateRng();
        _globalCount = new long[arms];
        _globalMean = new double[arms];
        _localCount = new long[arms];
        _localSum = new double[arms];
    }

    /// <summary>Number of arms.</summary>
    public int Arms { get; }

    /// <summary>Exploration constant.</summary>
    public double C { get; }

    /// <summary>Rounds played since the last send.</summary>
    public long LocalRounds => _localTotal;

    /// <summary>The pooled (server plus local) mean of <paramref name="arm"/>, 0 when unseen.</summary>
    public double PooledMean(int arm)
    {
        long n = _globalCount[arm] + _localCount[arm];
        return n == 0 ? 0.0 : (_globalCount[arm] * _globalMean[arm] + _localSum[arm]) / n;
    }

    /// <summary>The UCB1 choice on the pooled statistics (unseen arms first, lowest index on ties).</summary>
    public int Select()
    {
        double logT = Math.Log(Math.Max(_globalTotal + _localTotal, 1));
        int best = 0;
        double bestIndex = double.NegativeInfinity;
        for (int i = 0; i < Arms; i++)
        {
            long n = _globalCount[i] + _localCount[i];
            if (n == 0)
            {
                return i;
            }

            double index = (_globalCount[i] * _globalMean[i] + _localSum[i]) / n + C * Math.Sqrt(logT / n);
            if (index > bestIndex)
            {
                bestIndex = index;
                best = i;
            }
        }

        return best;
    }

    /// <summary>Records a local reward.</summary>
    public void Update(int arm, double reward)
    {
        BanditGuard.Arm(arm, Arms);
        BanditGuard.Reward(reward);
        _localCount[arm]++;
        _localSum[arm] += reward;
        _localTotal++;
    }

    /// <summary>Whether <paramref name="schedule"/> says to send now.</summary>
    public bool ShouldSend(FederatedSchedule schedule)
    {
        if (schedule.Period is int p)
        {
            return _localTotal >= p;
        }

        double threshold = schedule.LazyThreshold!.Value;
        double logT = Math.Log(Math.Max(_globalTotal, 2));
        for (int i = 0; i < Arms; i++)
        {
            if (_localCount[i] == 0)
            {
                continue;
            }

            if (_globalCount[i] == 0)
            {
                return true;
            }

            double width = Math.Sqrt(2 * logT / _globalCount[i]);
            if (Math.Abs(PooledMean(i) - _globalMean[i]) > threshold * width)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes the uplink message (per arm: local count and the decoded b-bit local mean) and clears the local
    /// statistics; the agent's pooled view keeps them until the next <see cref="Receive"/>.
    /// </summary>
    public void Flush(Span<long> counts, Span<double> means)
    {
        for (int i = 0; i < Arms; i++)
        {
            long n = _localCount[i];
            counts[i] = n;
            means[i] = n == 0 ? 0.0 : _quantizer.RoundTrip(_localSum[i] / n, _rng);
            // Fold into the agent's own view until the server's answer replaces it.
            long total = _globalCount[i] + n;
            if (n > 0)
            {
                _globalMean[i] = (_globalCount[i] * _globalMean[i] + _localSum[i]) / total;
                _globalCount[i] = total;
            }
        }

        _globalTotal += _localTotal;
        Array.Clear(_localCount);
        Array.Clear(_localSum);
        _localTotal = 0;
    }

    /// <summary>Replaces the server view with a downlink snapshot (counts and decoded means).</summary>
    public void Receive(ReadOnlySpan<long> counts, ReadOnlySpan<double> means)
    {
        long total = 0;
        for (int i = 0; i < Arms; i++)
        {
            _globalCount[i] = counts[i];
            _globalMean[i] = means[i];
            total += counts[i];
        }

        _globalTotal = total;
    }
}
