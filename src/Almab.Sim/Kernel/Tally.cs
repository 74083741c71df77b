namespace Almab.Sim.Kernel;

/// <summary>
/// Sample statistics of observations (waiting times, sojourn times): count, mean, unbiased variance, extremes, by
/// Welford's update so long runs lose no precision. Not time-weighted; see <see cref="TimeWeightedMonitor"/>.
/// </summary>
public sealed class Tally
{
    private double _mean;
    private double _m2;

    /// <summary>Number of observations.</summary>
    public long Count { get; private set; }

    /// <summary>Sample mean (NaN when empty).</summary>
    public double Mean => Count > 0 ? _mean : double.NaN;

    /// <summary>Unbiased sample variance (divisor n - 1; NaN below two observations).</summary>
    public double Variance => Count > 1 ? _m2 / (Count - 1) : double.NaN;

    /// <summary>Sample standard deviation.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Sum of the observations.</summary>
    public double Sum => Count > 0 ? _mean * Count : 0;

    /// <summary>Smallest observation (NaN when empty).</summary>
    public double Min { get; private set; } = double.NaN;

    /// <summary>Largest observation (NaN when empty).</summary>
    public double Max { get; private set; } = double.NaN;

    /// <summary>Adds an observation.</summary>
    public void Add(double x)
    {
        if (!double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "observations must be finite");
        }

        Count++;
        double d = x - _mean;
        _mean += d / Count;
        _m2 += d * (x - _mean);
        Min = Count == 1 ? x : Math.Min(Min, x);
        Max = Count == 1 ? x : Math.Max(Max, x);
    }

    /// <summary>Forgets all observations.</summary>
    public void Reset()
    {
        Count = 0;
        _mean = _m2 = 0;
        Min = Max = double.NaN;
    }
}
