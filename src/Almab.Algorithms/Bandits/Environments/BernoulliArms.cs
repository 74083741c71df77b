using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits.Environments;

/// <summary>
/// Bernoulli arms whose means may change with the pull index: stationary (one phase), abrupt change points (several
/// phases, each a full mean vector, starting at a given step), or slow drift (means interpolated linearly between
/// consecutive phases instead of jumping). A reward is 1 when a uniform draw falls below the mean.
/// </summary>
public sealed class BernoulliArms : IArmEnvironment
{
    private readonly double[][] _phases;
    private readonly long[] _starts;
    private readonly bool _drift;

    private BernoulliArms(string name, double[][] phases, long[] starts, bool drift)
    {
        if (phases.Length == 0 || phases.Length != starts.Length || starts[0] != 0)
        {
            throw new ArgumentException("need one start step per phase, the first at 0.", nameof(starts));
        }

        int k = phases[0].Length;
        BanditGuard.Arms(k);
        for (int p = 0; p < phases.Length; p++)
        {
            if (phases[p].Length != k || (p > 0 && starts[p] <= starts[p - 1]))
            {
                throw new ArgumentException("phases must have equal arm counts and increasing start steps.", nameof(phases));
            }

            foreach (double m in phases[p])
            {
                if (!(m >= 0 && m <= 1))
                {
                    throw new ArgumentOutOfRangeException(nameof(phases), m, "Bernoulli means must lie in [0, 1].");
                }
            }
        }

        Name = name;
        _phases = phases;
        _starts = starts;
        _drift = drift;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Arms => _phases[0].Length;

    /// <summary>Stationary arms with fixed <paramref name="means"/>.</summary>
    public static BernoulliArms Stationary(double[] means) => new("bernoulli", [(double[])means.Clone()], [0], drift: false);

    /// <summary>Means jump to <c>phases[p]</c> at step <c>starts[p]</c>.</summary>
    public static BernoulliArms Abrupt(double[][] phases, long[] starts) => new("abrupt", phases, starts, drift: false);

    /// <summary>Means move linearly from <c>phases[p]</c> at <c>starts[p]</c> to <c>phases[p + 1]</c> at <c>starts[p + 1]</c>; constant after the last.</summary>
    public static BernoulliArms Drifting(double[][] phases, long[] starts) => new("drift", phases, starts, drift: true);

    /// <inheritdoc />
    public double Mean(int arm, long step)
    {
        int p = _starts.Length - 1;
        while (p > 0 && step < _starts[p])
        {
            p--;
        }

        if (!_drift || p == _starts.Length - 1)
        {
            return _phases[p][arm];
        }

        double w = (double)(step - _starts[p]) / (_starts[p + 1] - _starts[p]);
        return (1 - w) * _phases[p][arm] + w * _phases[p + 1][arm];
    }

    /// <inheritdoc />
    public double BestMean(long step)
    {
        double best = double.NegativeInfinity;
        for (int i = 0; i < Arms; i++)
        {
            best = Math.Max(best, Mean(i, step));
        }

        return best;
    }

    /// <inheritdoc />
    public double Sample(int arm, long step, Rng rng) => rng.NextDouble() < Mean(arm, step) ? 1.0 : 0.0;
}
