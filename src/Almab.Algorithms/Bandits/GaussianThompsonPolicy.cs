using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// Gaussian Thompson sampling (ALMAB-DC sections 2.3 and 2.4.4): each arm's mean reward has a conjugate
/// N(<see cref="PriorMean"/>, <see cref="PriorVariance"/>) prior, rewards are N(mean, <see cref="NoiseVariance"/>);
/// each decision draws one posterior sample per arm and pulls the largest. Delayed feedback (section 2.4.9):
/// pending pulls are believed at the posterior mean, which leaves the mean unchanged and shrinks the variance to
/// 1 / (1/v0 + (completed + pending) / sigma^2), so n counts pending pulls as for UCB. Each arm's posterior mean
/// and standard deviation are cached and refreshed only for the arm that changed, and the draws are ziggurat normals
/// (<see cref="ZigguratNormal"/>), so a decision is one draw and one multiply-add per arm.
/// </summary>
public sealed class GaussianThompsonPolicy : IIndexPolicy, IAbandonablePolicy
{
    private readonly ArmStatistics _stats;
    private readonly Seed _seed;
    private readonly double[] _mean;
    private readonly double[] _sd;
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
        _mean = new double[arms];
        _sd = new double[arms];
        _seed = seed;
        _rng = seed.CreateRng();
        RefreshAll();
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
        var mean = _mean.AsSpan();
        var sd = _sd.AsSpan(0, mean.Length);
        var dest = indices[..mean.Length];
        for (int i = 0; i < mean.Length; i++)
        {
            dest[i] = mean[i] + sd[i] * ZigguratNormal.Next(_rng);
        }
    }

    /// <inheritdoc />
    public int Select()
    {
        // ComputeIndices fused with the argmax (ties to the lowest arm): the same draws in the same order.
        var mean = _mean.AsSpan();
        var sd = _sd.AsSpan(0, mean.Length);
        int best = 0;
        double bestDraw = double.NegativeInfinity;
        for (int i = 0; i < mean.Length; i++)
        {
            double draw = mean[i] + sd[i] * ZigguratNormal.Next(_rng);
            if (draw > bestDraw || i == 0)
            {
                bestDraw = draw;
                best = i;
            }
        }

        _stats.Register(best);
        Refresh(best);
        return best;
    }

    /// <inheritdoc />
    public void RegisterPull(int arm)
    {
        _stats.RegisterPull(arm);
        Refresh(arm);
    }

    /// <inheritdoc />
    public void Abandon(int arm)
    {
        _stats.Cancel(arm);
        Refresh(arm);
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        _stats.Update(arm, reward);
        Refresh(arm);
    }

    /// <inheritdoc />
    public void Reset()
    {
        _stats.Clear();
        _rng = _seed.CreateRng();
        RefreshAll();
    }

    private void Refresh(int arm)
    {
        _mean[arm] = PosteriorMean(arm);
        _sd[arm] = Math.Sqrt(PosteriorVariance(arm));
    }

    private void RefreshAll()
    {
        for (int i = 0; i < _mean.Length; i++)
        {
            Refresh(i);
        }
    }
}
