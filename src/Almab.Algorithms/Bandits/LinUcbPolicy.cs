using System.Runtime.Intrinsics;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// Disjoint LinUCB (Li, Chu, Langford and Schapire 2010, Algorithm 1; survey 001 section 2.4): arm a's expected
/// reward is theta_a . x for the shared context x; theta_a is the ridge solution (lambda I + X_a^T X_a)^-1 X_a^T y_a
/// and the index is theta_a . x + alpha sqrt(x^T A_a^-1 x). Ties break to the lowest arm. Per decision O(K + sum over
/// updated groups of eight arms of min((r + 1) d, d + d(d+1)/2)) with r the group's most updates per arm: arms never
/// updated share the prior's index, arms with few updates are scored through their Woodbury columns
/// (<see cref="RidgeArmModels"/>), the rest through the dense A^-1; allocation-free. From <see cref="PruneFromArms"/>
/// arms on, dense groups are first bounded from 2d + 3 numbers per arm and only those whose bound reaches the best
/// index are scored (<see cref="LinUcbPrunedArgmax"/>): the same arm as the full scan, reading about a fifth of the
/// memory when every arm holds a dense A^-1.
/// </summary>
public sealed class LinUcbPolicy : IContextualBanditPolicy
{
    /// <summary>From this many arms on, <see cref="Select"/> uses the pruned exact argmax (<see cref="LinUcbPrunedArgmax"/>).</summary>
    internal const int PruneFromArms = 4096;

    private readonly RidgeArmModels _models;
    private readonly LinUcbPrunedArgmax? _pruned;

    /// <summary>Creates LinUCB over <paramref name="arms"/> arms and <paramref name="dimension"/> features.</summary>
    /// <param name="arms">K &gt;= 1.</param>
    /// <param name="dimension">d &gt;= 1.</param>
    /// <param name="alpha">Exploration width alpha (finite, &gt;= 0).</param>
    /// <param name="lambda">Ridge regularization lambda (finite, &gt; 0; the paper's A_a starts at the identity, lambda = 1).</param>
    public LinUcbPolicy(int arms, int dimension, double alpha = 1.0, double lambda = 1.0)
        : this(arms, dimension, alpha, lambda, arms >= PruneFromArms)
    {
    }

    /// <summary>As the public constructor, with the pruned argmax on or off (tests compare both).</summary>
    internal LinUcbPolicy(int arms, int dimension, double alpha, double lambda, bool pruned)
    {
        if (!(alpha >= 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be finite and >= 0.");
        }

        Alpha = alpha;
        _models = new RidgeArmModels(arms, dimension, lambda, bounded: pruned);
        _pruned = pruned ? new LinUcbPrunedArgmax(_models.Groups) : null;
    }

    /// <inheritdoc />
    public int Arms => _models.Arms;

    /// <inheritdoc />
    public int Dimension => _models.Dimension;

    /// <summary>Dense groups of eight arms the last pruned <see cref="Select"/> scored exactly (0 without pruning).</summary>
    internal int LastExactGroups => _pruned?.LastExactGroups ?? 0;

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
        return Scores(_models.Group(arm / 8)).GetElement(arm % 8);
    }

    /// <inheritdoc />
    public int Select(ReadOnlySpan<double> context)
    {
        BanditGuard.Context(context, Dimension);
        _models.SetContext(context);
        if (_pruned is not null)
        {
            return _pruned.Select(_models, Alpha);
        }

        // Eight arms per SIMD group; groups whose arms were never updated hold the prior model, so they share one
        // score vector (computed once, by the same operations, so bit-equal to computing them).
        Vector512<double> prior = default;
        bool priorDone = false;
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int g = 0; g < _models.Groups; g++)
        {
            Vector512<double> s;
            if (_models.IsPriorGroup(g))
            {
                if (!priorDone)
                {
                    prior = Scores(_models.PriorGroup());
                    priorDone = true;
                }

                s = prior;
            }
            else
            {
                s = Scores(_models.Group(g));
            }

            if (Vector512.GreaterThanAny(s, Vector512.Create(bestScore)))
            {
                for (int r = 0, a = g * 8; r < 8 && a < Arms; r++, a++)
                {
                    double v = s.GetElement(r);
                    if (v > bestScore)
                    {
                        bestScore = v;
                        best = a;
                    }
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
    public void Reset() => _models.Clear();

    /// <summary>theta . x + alpha sqrt(max(x^T A^-1 x, 0)) lane by lane.</summary>
    private Vector512<double> Scores((Vector512<double> Mean, Vector512<double> Quadratic) g) =>
        g.Mean + Vector512.Create(Alpha) * Vector512.Sqrt(Vector512.Max(g.Quadratic, Vector512<double>.Zero));
}
