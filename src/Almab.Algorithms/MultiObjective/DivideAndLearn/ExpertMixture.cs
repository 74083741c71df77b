using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.MultiObjective.DivideAndLearn;

/// <summary>
/// SelectAction of Algorithm 1/2: at a position, sample one expert, let it pick among the feasible actions, and return
/// the chosen action's marginal probability under the whole mixture (the p of EXP3's and FTRL's estimators).
/// Mixture (section 11.2 eq. 11 / appendix 12.3.1, whose symbols were lost; our reading): FTRL with its usage rate
/// ρ_F = 0.3 when enabled; the rest split between expert 1 and EXP3 by the adaptive hybrid ratio
/// h_i = h · (½ + ½ U_i), U_i = 1/√(1 + visits_i/|A|), which moves from exploration (expert 1) toward EXP3's
/// exploitation as the position is learned. EXP3 and FTRL sample from softmax(logit/τ) with the decaying temperature
/// τ; expert 1 is the UCB argmax (coefficient c) or a Thompson draw's argmax. Every score is reduced by the Lagrangian
/// penalty λ_i · v_i(a) (appendix 12.6.3 eq. 48). For the marginal probability, expert 1 counts as the point mass on
/// its greedy action (UCB argmax, or the posterior-mean argmax for TS).
/// </summary>
internal sealed class ExpertMixture
{
    private readonly DlConfig _config;
    private readonly int _problemSize;
    private double[] _exp3 = new double[16];
    private double[] _ftrl = new double[16];

    public ExpertMixture(DlConfig config, int problemSize)
    {
        _config = config;
        _problemSize = problemSize;
    }

    /// <summary>Picks an action for position <paramref name="i"/> among <paramref name="feasible"/>.</summary>
    public int Select(
        PositionActionStatistics stats, int i, ReadOnlySpan<int> feasible, double temperature, double lambda, int overlapCount,
        Rng rng, out double probability)
    {
        int f = feasible.Length;
        Ensure(f);
        var (pAcq, pExp3, pFtrl) = Weights(stats, i);
        var v = lambda > 0 ? stats.SoftViolationParts(i, overlapCount) : (0.0, 0L);
        int greedy = Greedy(stats, i, feasible, lambda, v, rng, thompsonDraw: false);
        if (pExp3 > 0)
        {
            Softmax(stats, i, feasible, temperature, lambda, v, _exp3, useFtrl: false);
        }

        if (pFtrl > 0)
        {
            Softmax(stats, i, feasible, temperature, lambda, v, _ftrl, useFtrl: true);
        }
        double u = rng.NextDouble();
        int chosen;
        if (pAcq > 0 && (u < pAcq || (pExp3 <= 0 && pFtrl <= 0)))
        {
            chosen = _config.ThompsonSampling ? Greedy(stats, i, feasible, lambda, v, rng, thompsonDraw: true) : greedy;
        }
        else if (pExp3 > 0 && (u < pAcq + pExp3 || pFtrl <= 0))
        {
            chosen = Sample(_exp3, f, rng);
        }
        else if (pFtrl > 0)
        {
            chosen = Sample(_ftrl, f, rng);
        }
        else
        {
            chosen = greedy;
        }

        probability = Marginal(chosen, greedy, pAcq, pExp3, pFtrl);
        return feasible[chosen];
    }

    /// <summary>The mixture probability of <paramref name="action"/> (a member of <paramref name="feasible"/>) at position i.</summary>
    public double Probability(
        PositionActionStatistics stats, int i, ReadOnlySpan<int> feasible, int action, double temperature, double lambda,
        int overlapCount, Rng rng)
    {
        int f = feasible.Length;
        Ensure(f);
        var (pAcq, pExp3, pFtrl) = Weights(stats, i);
        var v = lambda > 0 ? stats.SoftViolationParts(i, overlapCount) : (0.0, 0L);
        int greedy = Greedy(stats, i, feasible, lambda, v, rng, thompsonDraw: false);
        if (pExp3 > 0)
        {
            Softmax(stats, i, feasible, temperature, lambda, v, _exp3, useFtrl: false);
        }

        if (pFtrl > 0)
        {
            Softmax(stats, i, feasible, temperature, lambda, v, _ftrl, useFtrl: true);
        }
        int index = feasible.IndexOf(action);
        return Marginal(index, greedy, pAcq, pExp3, pFtrl);
    }

    /// <summary>(expert 1, EXP3, FTRL) sampling probabilities at position i.</summary>
    public (double Acquisition, double Exp3, double Ftrl) Weights(PositionActionStatistics stats, int i)
    {
        bool acq = _config.Experts.HasFlag(DlExperts.Acquisition);
        bool exp3 = _config.Experts.HasFlag(DlExperts.Exp3);
        bool ftrl = _config.Experts.HasFlag(DlExperts.Ftrl);
        if (!acq && !exp3)
        {
            return (0, 0, 1);
        }

        double pF = ftrl ? _config.FtrlRate : 0.0;
        double uncertainty = 1.0 / Math.Sqrt(1.0 + (double)stats.Visits(i) / stats.Actions);
        double h = !exp3 ? 1.0 : !acq ? 0.0 : _config.HybridRatio * (0.5 + 0.5 * uncertainty);
        return ((1 - pF) * h, (1 - pF) * (1 - h), pF);
    }

    private double Marginal(int chosen, int greedy, double pAcq, double pExp3, double pFtrl) =>
        pAcq * (chosen == greedy ? 1.0 : 0.0) + (pExp3 > 0 ? pExp3 * _exp3[chosen] : 0.0) + (pFtrl > 0 ? pFtrl * _ftrl[chosen] : 0.0);

    private int Greedy(
        PositionActionStatistics stats, int i, ReadOnlySpan<int> feasible, double lambda, (double Scale, long Max) v, Rng rng, bool thompsonDraw)
    {
        int best = 0;
        double bestScore = double.NegativeInfinity;
        int ties = 0;
        for (int k = 0; k < feasible.Length; k++)
        {
            int a = feasible[k];
            double score;
            if (_config.ThompsonSampling)
            {
                var (mean, sd) = stats.ThompsonPosterior(i, a);
                score = thompsonDraw ? mean + sd * rng.NextGaussian() : mean;
            }
            else
            {
                score = stats.Ucb(i, a, _config.UcbCoefficient);
            }

            score -= Penalty(stats, i, a, lambda, v);

            if (score > bestScore)
            {
                bestScore = score;
                best = k;
                ties = 1;
            }
            else if (score == bestScore && rng.Next(++ties) == 0)
            {
                best = k; // uniform tie-break (unplayed actions all score +∞ under UCB)
            }
        }

        return best;
    }

    private void Softmax(
        PositionActionStatistics stats, int i, ReadOnlySpan<int> feasible, double temperature, double lambda, (double Scale, long Max) v,
        double[] p, bool useFtrl)
    {
        double max = double.NegativeInfinity;
        for (int k = 0; k < feasible.Length; k++)
        {
            int a = feasible[k];
            double logit = useFtrl
                ? stats.FtrlScore(i, a, _config.LearningRate, _problemSize)
                : stats.Exp3LogWeight(i, a);
            logit -= Penalty(stats, i, a, lambda, v);

            p[k] = logit / temperature;
            max = Math.Max(max, p[k]);
        }

        double sum = 0;
        for (int k = 0; k < feasible.Length; k++)
        {
            p[k] = Math.Exp(p[k] - max);
            sum += p[k];
        }

        for (int k = 0; k < feasible.Length; k++)
        {
            p[k] /= sum;
        }
    }

    private static double Penalty(PositionActionStatistics stats, int i, int a, double lambda, (double Scale, long Max) v) =>
        lambda > 0 && v.Max > 0 ? lambda * v.Scale * (1.0 - (double)stats.Count(i, a) / v.Max) : 0.0;

    private static int Sample(double[] p, int count, Rng rng)
    {
        double u = rng.NextDouble();
        double acc = 0;
        for (int k = 0; k < count - 1; k++)
        {
            acc += p[k];
            if (u < acc)
            {
                return k;
            }
        }

        return count - 1;
    }

    private void Ensure(int f)
    {
        if (_exp3.Length < f)
        {
            _exp3 = new double[f * 2];
            _ftrl = new double[f * 2];
        }
    }
}
