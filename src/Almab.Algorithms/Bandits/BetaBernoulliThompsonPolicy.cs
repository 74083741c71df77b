using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// Beta-Bernoulli Thompson sampling (ALMAB-DC section 2.4.4, "Bernoulli rewards and Beta priors"): arm i's success
/// probability has a Beta(alpha_i, beta_i) posterior starting at Beta(<see cref="PriorAlpha"/>, <see cref="PriorBeta"/>).
/// Rewards must lie in [0, 1]; a fractional reward r adds r to alpha and 1 - r to beta (the exact Bernoulli update
/// when r is 0 or 1; our choice for fractional rewards, deterministic, with the same posterior mean as
/// Agrawal and Goyal's Bernoulli-trial trick). Pending pulls are believed at the posterior mean: each adds
/// alpha/(alpha+beta) to alpha and beta/(alpha+beta) to beta for the draw, keeping the mean and tightening the Beta.
/// </summary>
public sealed class BetaBernoulliThompsonPolicy : IIndexPolicy, IAbandonablePolicy
{
    private readonly ArmStatistics _stats;
    private readonly Seed _seed;
    private readonly double[] _draws;
    private Rng _rng;

    /// <summary>Creates the policy; draws come from <paramref name="seed"/>'s stream, restarted by <see cref="Reset"/>.</summary>
    public BetaBernoulliThompsonPolicy(int arms, Seed seed, double priorAlpha = 1.0, double priorBeta = 1.0)
    {
        BanditGuard.Arms(arms);
        if (!(priorAlpha > 0) || !(priorBeta > 0) || double.IsInfinity(priorAlpha) || double.IsInfinity(priorBeta))
        {
            throw new ArgumentOutOfRangeException(nameof(priorAlpha), (priorAlpha, priorBeta), "priorAlpha and priorBeta must be finite and > 0.");
        }

        PriorAlpha = priorAlpha;
        PriorBeta = priorBeta;
        _stats = new ArmStatistics(arms);
        _draws = new double[arms];
        _seed = seed;
        _rng = seed.CreateRng();
    }

    /// <inheritdoc />
    public int Arms => _stats.Arms;

    /// <summary>Prior alpha (pseudo-successes).</summary>
    public double PriorAlpha { get; }

    /// <summary>Prior beta (pseudo-failures).</summary>
    public double PriorBeta { get; }

    /// <summary>Posterior alpha of <paramref name="arm"/> from completed rewards.</summary>
    public double Alpha(int arm) => PriorAlpha + _stats.Sum(arm);

    /// <summary>Posterior beta of <paramref name="arm"/> from completed rewards.</summary>
    public double Beta(int arm) => PriorBeta + _stats.Completed(arm) - _stats.Sum(arm);

    /// <inheritdoc />
    public void ComputeIndices(Span<double> indices)
    {
        for (int i = 0; i < Arms; i++)
        {
            double a = Alpha(i), b = Beta(i);
            long pending = _stats.Pending(i);
            if (pending > 0)
            {
                double mean = a / (a + b);
                a += pending * mean;
                b += pending * (1.0 - mean);
            }

            indices[i] = MathNet.Numerics.Distributions.Beta.Sample(_rng, a, b);
        }
    }

    /// <inheritdoc />
    public int Select()
    {
        ComputeIndices(_draws);
        return _stats.RegisterArgMax(_draws);
    }

    /// <inheritdoc />
    public void RegisterPull(int arm) => _stats.RegisterPull(arm);

    /// <inheritdoc />
    public void Abandon(int arm) => _stats.Cancel(arm);

    /// <inheritdoc />
    public void Update(int arm, double reward) => _stats.Update(arm, reward, unitReward: true);

    /// <inheritdoc />
    public void Reset()
    {
        _stats.Clear();
        _rng = _seed.CreateRng();
    }
}
