using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Bandits;

/// <summary>
/// EXP3 for adversarial rewards in [0, 1] (Auer, Cesa-Bianchi, Freund and Schapire 2002; survey 001):
/// p_i = (1 - gamma) w_i / sum_j w_j + gamma / K; the pulled arm's weight is multiplied by exp(gamma x / K) with the
/// importance-weighted reward x = r / p_arm. Weights are kept as logarithms (shifted so the largest is 0) to avoid
/// overflow. Delayed feedback: the probability used in the update is the one the arm had when it was selected
/// (first-in, first-out per arm); an update with no pending selection uses the current probability.
/// </summary>
public sealed class Exp3Policy : IBanditPolicy
{
    private readonly Seed _seed;
    private readonly double[] _logWeights;
    private readonly double[] _probabilities;
    private readonly Queue<double>[] _pendingProbabilities;
    private Rng _rng;

    /// <summary>Creates EXP3 with exploration rate <paramref name="gamma"/> in (0, 1].</summary>
    public Exp3Policy(int arms, double gamma, Seed seed)
    {
        BanditGuard.Arms(arms);
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must lie in (0, 1].");
        }

        Arms = arms;
        Gamma = gamma;
        _seed = seed;
        _rng = seed.CreateRng();
        _logWeights = new double[arms];
        _probabilities = new double[arms];
        _pendingProbabilities = new Queue<double>[arms];
        for (int i = 0; i < arms; i++)
        {
            _pendingProbabilities[i] = new Queue<double>();
        }
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>Exploration rate gamma.</summary>
    public double Gamma { get; }

    /// <summary>log w_i up to a common additive constant (the largest is 0).</summary>
    public double LogWeight(int arm) => _logWeights[arm];

    /// <summary>Current selection probabilities p_i.</summary>
    public void Probabilities(Span<double> destination)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < Arms; i++)
        {
            max = Math.Max(max, _logWeights[i]);
        }

        double total = 0;
        for (int i = 0; i < Arms; i++)
        {
            total += Math.Exp(_logWeights[i] - max);
        }

        for (int i = 0; i < Arms; i++)
        {
            destination[i] = (1.0 - Gamma) * Math.Exp(_logWeights[i] - max) / total + Gamma / Arms;
        }
    }

    /// <inheritdoc />
    public int Select()
    {
        Probabilities(_probabilities);
        double u = _rng.NextDouble();
        int arm = Arms - 1;
        double cumulative = 0;
        for (int i = 0; i < Arms; i++)
        {
            cumulative += _probabilities[i];
            if (u < cumulative)
            {
                arm = i;
                break;
            }
        }

        _pendingProbabilities[arm].Enqueue(_probabilities[arm]);
        return arm;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward)
    {
        BanditGuard.Arm(arm, Arms);
        BanditGuard.UnitReward(reward);
        double p;
        if (!_pendingProbabilities[arm].TryDequeue(out p))
        {
            Probabilities(_probabilities);
            p = _probabilities[arm];
        }

        _logWeights[arm] += Gamma * (reward / p) / Arms;
        double max = double.NegativeInfinity;
        for (int i = 0; i < Arms; i++)
        {
            max = Math.Max(max, _logWeights[i]);
        }

        for (int i = 0; i < Arms; i++)
        {
            _logWeights[i] -= max;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_logWeights);
        foreach (var q in _pendingProbabilities)
        {
            q.Clear();
        }

        _rng = _seed.CreateRng();
    }
}
