namespace Almab.Algorithms.Optimizers.AlmabDc;

/// <summary>
/// The bandit reward of an ALMAB-DC evaluation (our reading, a protocol note): the share of earlier observations
/// that the new value beats, r = (#{y_s &gt; y} + #{y_s = y} / 2) / #{s}, in [0, 1] (0.5 for the first value).
/// The paper updates arm means with raw rewards; raw values have a problem-specific scale that the UCB constant
/// would have to match, whereas the quantile is scale-free, bounded (UCB1's setting) and usable by Beta Thompson
/// sampling. A failed evaluation earns 0.
/// </summary>
internal sealed class QuantileReward
{
    private readonly List<double> _sorted = [];

    /// <summary>Reward of <paramref name="value"/> (minimized) against the values seen so far; then remembers it.</summary>
    public double RewardAndAdd(double value)
    {
        int n = _sorted.Count;
        double reward = 0.5;
        int lower = LowerBound(value);
        int upper = UpperBound(value);
        if (n > 0)
        {
            reward = ((n - upper) + 0.5 * (upper - lower)) / n;
        }

        _sorted.Insert(upper, value);
        return reward;
    }

    private int LowerBound(double v)
    {
        int lo = 0, hi = _sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sorted[mid] < v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private int UpperBound(double v)
    {
        int lo = 0, hi = _sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sorted[mid] <= v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
