using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// Relative UCB for dueling bandits (Zoghi, Whiteson, Munos and de Rijke 2014, Algorithm 1): with W the win matrix,
/// u_ij = w_ij / (w_ij + w_ji) + sqrt(alpha ln t / (w_ij + w_ji)) (x / 0 := 1, u_ii = 1/2); candidates are the arms c
/// with u_cj &gt;= 1/2 for all j; the first arm is drawn among them (uniformly if none, the remembered hypothesis B with
/// probability 1/2, the others sharing the rest), the second is argmax_j u_jc (lowest index on ties). t counts
/// duels from 1. O(K^2) per decision.
/// </summary>
public sealed class RucbPolicy : IDuelingBanditPolicy
{
    private readonly long[] _wins;
    private readonly int[] _candidates;
    private readonly Seed _seed;
    private Rng _rng;
    private long _t;
    private int _hypothesis = -1;

    /// <summary>Creates RUCB with <paramref name="alpha"/> &gt; 1/2 (the regret bound's condition; default 0.51).</summary>
    public RucbPolicy(int arms, Seed seed, double alpha = 0.51)
    {
        BanditGuard.Arms(arms);
        if (!(alpha > 0.5) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be finite and > 1/2.");
        }

        Arms = arms;
        Alpha = alpha;
        _wins = new long[arms * arms];
        _candidates = new int[arms];
        _seed = seed;
        _rng = seed.CreateRng();
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>Exploration constant alpha.</summary>
    public double Alpha { get; }

    /// <summary>Times <paramref name="i"/> beat <paramref name="j"/>.</summary>
    public long Wins(int i, int j) => _wins[i * Arms + j];

    /// <summary>u_ij at the next duel's t.</summary>
    public double Upper(int i, int j)
    {
        if (i == j)
        {
            return 0.5;
        }

        long n = _wins[i * Arms + j] + _wins[j * Arms + i];
        return n == 0 ? 1.0 : (double)_wins[i * Arms + j] / n + Math.Sqrt(Alpha * Math.Log(_t + 1) / n);
    }

    /// <inheritdoc />
    public (int First, int Second) SelectPair()
    {
        int count = 0;
        bool hypothesisIn = false;
        for (int c = 0; c < Arms; c++)
        {
            bool candidate = true;
            for (int j = 0; j < Arms && candidate; j++)
            {
                candidate = Upper(c, j) >= 0.5;
            }

            if (candidate)
            {
                _candidates[count++] = c;
                hypothesisIn |= c == _hypothesis;
            }
        }

        int first;
        if (count == 0)
        {
            first = _rng.Next(Arms);
        }
        else
        {
            if (!hypothesisIn)
            {
                _hypothesis = -1;
            }

            if (count == 1)
            {
                _hypothesis = _candidates[0];
                first = _hypothesis;
            }
            else if (_hypothesis >= 0 && _rng.NextDouble() < 0.5)
            {
                first = _hypothesis;
            }
            else
            {
                // Uniform over the candidates other than the hypothesis (all of them when there is none).
                int others = _hypothesis >= 0 ? count - 1 : count;
                int pick = _rng.Next(others);
                first = -1;
                for (int k = 0; k < count && first < 0; k++)
                {
                    if (_candidates[k] != _hypothesis && pick-- == 0)
                    {
                        first = _candidates[k];
                    }
                }
            }
        }

        int second = 0;
        double best = double.NegativeInfinity;
        for (int j = 0; j < Arms; j++)
        {
            double u = Upper(j, first);
            if (u > best)
            {
                best = u;
                second = j;
            }
        }

        _t++;
        return (first, second);
    }

    /// <inheritdoc />
    public void Update(int winner, int loser)
    {
        BanditGuard.Arm(winner, Arms);
        BanditGuard.Arm(loser, Arms);
        if (winner == loser)
        {
            throw new ArgumentException($"a duel needs two distinct arms, got {winner} twice (a self-duel carries no information: skip its update).", nameof(loser));
        }

        _wins[winner * Arms + loser]++;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_wins);
        _t = 0;
        _hypothesis = -1;
        _rng = _seed.CreateRng();
    }
}
