using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;

namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>
/// Multi-fidelity successive halving with promotion thresholds (survey 001 section 2.3, "adaptive fidelity
/// allocation": evaluate at low fidelity, promote to the next fidelity only when the score passes a threshold). Each
/// configuration of a fixed pool starts at <see cref="Fidelities"/>[0]; after its result at level k it is promoted to
/// level k + 1 when the value (minimized) is at most the level's threshold: a fixed number when one is given, else
/// adaptive, the <see cref="PromotionFraction"/>-quantile of the values seen at that level so far (promote when at or
/// below it: the asynchronous successive-halving rule). Promotions are asked before fresh configurations. A failed
/// evaluation is never promoted (the declared rule: dropped). When the pool is exhausted and nothing waits, Ask returns
/// no trial. Asks are deterministic given the call sequence.
/// </summary>
public sealed class ThresholdPromotionOptimizer : IOptimizer
{
    private readonly IReadOnlyList<Configuration> _pool;
    private readonly double?[] _thresholds;
    private readonly List<double>[] _seen;
    private readonly Queue<(int Config, int Level)> _promotions = new();
    private readonly Dictionary<int, (Trial Trial, int Config, int Level)> _pending = new();
    private int _nextFresh;
    private int _nextId;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="pool">The configurations (at least one).</param>
    /// <param name="fidelities">Increasing fidelities in (0, 1], the last normally 1.</param>
    /// <param name="thresholds">One per level except the last: a fixed value threshold, or null for the adaptive quantile; null array = all adaptive.</param>
    /// <param name="promotionFraction">Quantile of the adaptive thresholds in (0, 1] (1/eta; default 1/3).</param>
    public ThresholdPromotionOptimizer(IReadOnlyList<Configuration> pool, IReadOnlyList<double> fidelities, IReadOnlyList<double?>? thresholds = null, double promotionFraction = 1.0 / 3.0)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(fidelities);
        if (pool.Count == 0)
        {
            throw new ArgumentException("threshold-promotion: the configuration pool is empty.", nameof(pool));
        }

        if (fidelities.Count == 0 || fidelities.Any(f => !(f > 0 && f <= 1)) || fidelities.Zip(fidelities.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("threshold-promotion: fidelities must be increasing values in (0, 1].", nameof(fidelities));
        }

        if (thresholds is not null && (thresholds.Count != fidelities.Count - 1 || thresholds.Any(t => t is double v && !double.IsFinite(v))))
        {
            throw new ArgumentException($"threshold-promotion: need {fidelities.Count - 1} finite thresholds (or null entries), got {thresholds.Count}.", nameof(thresholds));
        }

        if (!(promotionFraction > 0 && promotionFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(promotionFraction), promotionFraction, "threshold-promotion: promotion fraction must lie in (0, 1].");
        }

        _pool = pool;
        Fidelities = [.. fidelities];
        _thresholds = thresholds is null ? new double?[fidelities.Count - 1] : [.. thresholds];
        PromotionFraction = promotionFraction;
        _seen = new List<double>[fidelities.Count];
        for (int k = 0; k < _seen.Length; k++)
        {
            _seen[k] = [];
        }
    }

    /// <inheritdoc />
    public string Name => "threshold-promotion";

    /// <summary>The fidelity levels.</summary>
    public IReadOnlyList<double> Fidelities { get; }

    /// <summary>Quantile used by adaptive thresholds.</summary>
    public double PromotionFraction { get; }

    /// <summary>Promotions granted so far, per level they were promoted from.</summary>
    public int Promotions { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<Trial> Ask(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var trials = new List<Trial>(count);
        while (trials.Count < count)
        {
            int config, level;
            if (_promotions.TryDequeue(out var p))
            {
                (config, level) = p;
            }
            else if (_nextFresh < _pool.Count)
            {
                (config, level) = (_nextFresh++, 0);
            }
            else
            {
                break;
            }

            var trial = new Trial(_nextId++, _pool[config], Fidelities[level]);
            _pending.Add(trial.Id, (trial, config, level));
            trials.Add(trial);
        }

        return trials;
    }

    /// <inheritdoc />
    public void Tell(Trial trial, Observation observation)
    {
        var (_, config, level) = TellGuard.TakePending(_pending, trial, observation, Name, (e, t) => ReferenceEquals(e.Trial, t));
        if (observation.Failed || level == Fidelities.Count - 1)
        {
            return;
        }

        _seen[level].Add(observation.Value);
        if (observation.Value <= Threshold(level))
        {
            Promotions++;
            _promotions.Enqueue((config, level + 1));
        }
    }

    /// <summary>The current threshold of <paramref name="level"/>: fixed, or the adaptive quantile of the values seen there.</summary>
    public double Threshold(int level)
    {
        if (_thresholds[level] is double fixedThreshold)
        {
            return fixedThreshold;
        }

        var seen = _seen[level];
        if (seen.Count == 0)
        {
            return double.NegativeInfinity;
        }

        var sorted = seen.Order().ToArray();
        int k = Math.Max(1, (int)Math.Floor(PromotionFraction * sorted.Length));
        return sorted[k - 1];
    }
}
