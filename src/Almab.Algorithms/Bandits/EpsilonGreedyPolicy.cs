using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// Epsilon-greedy (Sutton and Barto 2018; survey 001): with probability <see cref="Epsilon"/> a uniformly random
/// arm, otherwise the arm with the largest empirical mean. Arms never pulled (pending pulls included) are tried
/// first in index order; an arm with only pending pulls uses the largest empirical mean (as UCB1 here).
/// </summary>
public sealed class EpsilonGreedyPolicy : IBanditPolicy
{
    private readonly ArmStatistics _stats;
    private readonly Seed _seed;
    private Rng _rng;

    /// <summary>Creates the policy with exploration probability <paramref name="epsilon"/> in [0, 1].</summary>
    public EpsilonGreedyPolicy(int arms, double epsilon, Seed seed)
    {
        BanditGuard.Arms(arms);
        if (!(epsilon >= 0 && epsilon <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must lie in [0, 1].");
        }

        Epsilon = epsilon;
        _stats = new ArmStatistics(arms);
        _seed = seed;
        _rng = seed.CreateRng();
    }

    /// <inheritdoc />
    public int Arms => _stats.Arms;

    /// <summary>Probability of a uniformly random pull.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public int Select()
    {
        int arm = -1;
        for (int i = 0; i < Arms && arm < 0; i++)
        {
            if (_stats.Count(i) == 0)
            {
                arm = i;
            }
        }

        if (arm < 0)
        {
            if (_rng.NextDouble() < Epsilon)
            {
                arm = _rng.Next(Arms);
            }
            else
            {
                arm = 0;
                double best = _stats.MeanOrOptimistic(0);
                for (int i = 1; i < Arms; i++)
                {
                    double m = _stats.MeanOrOptimistic(i);
                    if (m > best)
                    {
                        best = m;
                        arm = i;
                    }
                }
            }
        }

        _stats.Register(arm);
        return arm;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward) => _stats.Update(arm, reward);

    /// <inheritdoc />
    public void Reset()
    {
        _stats.Clear();
        _rng = _seed.CreateRng();
    }
}
