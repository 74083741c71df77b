using System.Runtime.Intrinsics;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// Linear Thompson sampling on the disjoint ridge model (Agrawal and Goyal 2013, with one model per arm as in
/// LinUCB; survey 001 section 2.4): theta~_a ~ N(theta_a, v^2 A_a^-1) and the arm with the largest theta~_a . x is
/// pulled. Only the scalar theta~_a . x matters and the arms' models are independent, so it is drawn exactly as
/// N(theta_a . x, v^2 x^T A_a^-1 x): one normal per arm and no Cholesky factor, at most O(K d^2) per decision (arms with few
/// updates are scored through their Woodbury columns, <see cref="RidgeArmModels"/>).
/// </summary>
public sealed class LinearThompsonPolicy : IContextualBanditPolicy
{
    private readonly RidgeArmModels _models;
    private readonly Seed _seed;
    private Rng _rng;

    /// <summary>Creates linear TS with posterior scale <paramref name="scale"/> (v, finite, &gt; 0) and ridge <paramref name="lambda"/> (&gt; 0).</summary>
    public LinearThompsonPolicy(int arms, int dimension, Seed seed, double scale = 1.0, double lambda = 1.0)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale v must be finite and > 0.");
        }

        Scale = scale;
        _models = new RidgeArmModels(arms, dimension, lambda);
        _seed = seed;
        _rng = seed.CreateRng();
    }

    /// <inheritdoc />
    public int Arms => _models.Arms;

    /// <inheritdoc />
    public int Dimension => _models.Dimension;

    /// <summary>Posterior scale v.</summary>
    public double Scale { get; }

    /// <summary>The ridge estimate (posterior mean) theta_a of <paramref name="arm"/>.</summary>
    public ReadOnlySpan<double> Theta(int arm) => _models.Theta(arm);

    /// <inheritdoc />
    public int Select(ReadOnlySpan<double> context)
    {
        BanditGuard.Context(context, Dimension);
        _models.SetContext(context);
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int g = 0; g < _models.Groups; g++)
        {
            var (mean, quadratic) = _models.Group(g);
            for (int r = 0, a = g * 8; r < 8 && a < Arms; r++, a++)
            {
                double sd = Scale * Math.Sqrt(Math.Max(quadratic.GetElement(r), 0.0));
                double s = mean.GetElement(r) + sd * _rng.NextGaussian();
                if (s > bestScore)
                {
                    bestScore = s;
                    best = a;
                }
            }
        }

        return best;
    }

    /// <inheritdoc />
    public void Update(int arm, ReadOnlySpan<double> context, double reward)
    {
        BanditGuard.Arm(arm, Arms);
        BanditGuard.Context(context, Dimension);
        BanditGuard.Reward(reward);
        _models.Update(arm, context, reward);
    }

    /// <inheritdoc />
    public void Reset()
    {
        _models.Clear();
        _rng = _seed.CreateRng();
    }
}
