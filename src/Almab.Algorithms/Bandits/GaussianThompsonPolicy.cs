using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// Gaussian Thompson sampling (ALMAB-DC sections 2.3 and 2.4.4): each arm's mean reward has a conjugate
/// N(<see cref="PriorMean"/>, <see cref="PriorVariance"/>) prior, rewards are N(mean, <see cref="NoiseVariance"/>);
/// each decision draws one posterior sample per arm and pulls the largest. Delayed feedback (section 2.4.9):
/// pending pulls are believed at the posterior mean, which leaves the mean unchanged and shrinks the variance to
/// 1 / (1/v0 + (completed + pending) / sigma^2), so n counts pending pulls as for UCB.
/// </summary>
public sealed class GaussianThompsonPolicy : IIndexPolicy, IAbandonablePolicy
{
    private readonly ArmStatistics _stats;
    private readonly Seed _seed;
    private readonly double[] _draws;
    private Rng _rng;

    /// <summary>Creates the policy; the draws come from <paramref name="seed"/>'s stream, restarted by <see cref="Reset"/>.</summary>
    public GaussianThompsonPolicy(int arms, Seed seed, double noiseVariance = 1.0, double priorMean = 0.0, double priorVariance = 1.0)
    {
        BanditGuard.Arms(arms);
        if (!(noiseVariance > 0) || double.IsInfinity(noiseVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance, "noiseVariance must be finite and > 0.");
        }

        if (!(priorVariance > 0) || double.IsInfinity(priorVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(priorVariance), priorVariance, "priorVariance must be finite and > 0.");
        }

        if (!double.IsFinite(priorMean))
        {
            throw new ArgumentOutOfRangeException(nameof(priorMean), priorMean, "priorMean must be finite.");
        }

        NoiseVariance = noiseVariance;
        PriorMean = priorMean;
        PriorVariance = priorVariance;
        _stats = new ArmStatistics(arms);
        _draws = new double[arms];
        _seed = seed;
        _rng = seed.CreateRng();
    }

    /// <inheritdoc />
    public int Arms => _stats.Arms;

    /// <summary>Known reward noise variance sigma^2.</summary>
    public double NoiseVariance { get; }

    /// <summary>Prior mean m0 of every arm.</summary>
    public double PriorMean { get; }

    /// <summary>Prior variance v0 of every arm.</summary>
    public double PriorVariance { get; }

    /// <summary>Posterior mean of <paramref name="arm"/> given its completed rewards.</summary>
    public double PosteriorMean(int arm)
    {
        double precision = 1.0 / PriorVariance + _stats.Completed(arm) / NoiseVariance;
        return (PriorMean / PriorVariance + _stats.Sum(arm) / NoiseVariance) / precision;
    }

    /// <summary>Posterior variance of <paramref name="arm"/>, pending pulls believed (counted in n).</summary>
    public double PosteriorVariance(int arm) => 1.0 / (1.0 / PriorVariance + _stats.Count(arm) / NoiseVariance);

    /// <inheritdoc />
    public void ComputeIndices(Span<double> indices)
    {
        for (int i = 0; i < Arms; i++)
        {
            indices[i] = PosteriorMean(i) + Math.Sqrt(PosteriorVariance(i)) * _rng.NextGaussian();
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
    public void Update(int arm, double reward) => _stats.Update(arm, reward);

    /// <inheritdoc />
    public void Reset()
    {
        _stats.Clear();
        _rng = _seed.CreateRng();
    }
}
