namespace Almab.Algorithms.Bandits;

/// <summary>
/// Disjoint LinUCB (Li, Chu, Langford and Schapire 2010, Algorithm 1; survey 001 section 2.4): arm a's expected
/// reward is theta_a . x for the shared context x; theta_a is the ridge solution (lambda I + X_a^T X_a)^-1 X_a^T y_a
/// and the index is theta_a . x + alpha sqrt(x^T A_a^-1 x). Ties break to the lowest arm. O(K' d^2 + K) per decision
/// with K' the arms updated at least once (the others share the prior's index), allocation-free.
/// </summary>
public sealed class LinUcbPolicy : IContextualBanditPolicy
{
    private readonly RidgeArmModels _models;

    /// <summary>Creates LinUCB over <paramref name="arms"/> arms and <paramref name="dimension"/> features.</summary>
    /// <param name="arms">K &gt;= 1.</param>
    /// <param name="dimension">d &gt;= 1.</param>
    /// <param name="alpha">Exploration width alpha (finite, &gt;= 0).</param>
    /// <param name="lambda">Ridge regularization lambda (finite, &gt; 0; the paper's A_a starts at the identity, lambda = 1).</param>
    public LinUcbPolicy(int arms, int dimension, double alpha = 1.0, double lambda = 1.0)
    {
        if (!(alpha >= 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be finite and >= 0.");
        }

        Alpha = alpha;
        _models = new RidgeArmModels(arms, dimension, lambda);
    }

    /// <inheritdoc />
    public int Arms => _models.Arms;

    /// <inheritdoc />
    public int Dimension => _models.Dimension;

    /// <summary>Exploration width alpha.</summary>
    public double Alpha { get; }

    /// <summary>Ridge regularization lambda.</summary>
    public double Lambda => _models.Lambda;

    /// <summary>The ridge estimate theta_a of <paramref name="arm"/>.</summary>
    public ReadOnlySpan<double> Theta(int arm) => _models.Theta(arm);

    /// <summary>The LinUCB index of <paramref name="arm"/> in <paramref name="context"/>.</summary>
    public double Index(int arm, ReadOnlySpan<double> context)
    {
        BanditGuard.Arm(arm, Arms);
        BanditGuard.Context(context, Dimension);
        _models.SetContext(context);
        return Score(arm, context);
    }

    /// <inheritdoc />
    public int Select(ReadOnlySpan<double> context)
    {
        BanditGuard.Context(context, Dimension);
        _models.SetContext(context);
        // Arms never updated hold the prior model, so they share one score (computed on the first of them).
        double prior = double.NaN;
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int a = 0; a < Arms; a++)
        {
            double s;
            if (_models.IsPrior(a))
            {
                s = double.IsNaN(prior) ? prior = Score(a, context) : prior;
            }
            else
            {
                s = Score(a, context);
            }

            if (s > bestScore)
            {
                bestScore = s;
                best = a;
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
    public void Reset() => _models.Clear();

    /// <summary>The index, with the context's outer product already set.</summary>
    private double Score(int arm, ReadOnlySpan<double> x)
    {
        var (mean, quadratic) = _models.MeanAndQuadratic(arm);
        return mean + Alpha * Math.Sqrt(Math.Max(quadratic, 0.0));
    }
}
