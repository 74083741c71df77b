namespace Almab.Algorithms.MultiObjective.DivideAndLearn;

/// <summary>
/// The per position–action parameters every D&amp;L expert shares (paper section 4.1: O(n·|A|) memory; appendix 12.3.1:
/// visit counts and value estimates for UCB/TS, multiplicative weights for EXP3, cumulative losses for FTRL). One
/// observed reward r ∈ [0,1] updates all three for every position of the active subproblem with its realized action
/// (Theorem 12.7's "all positions i ∈ I_k for the realized value"), whichever expert chose it.
/// Updates (the formulas the text lost are the standard ones of the cited work, stated here):
/// <list type="bullet">
/// <item>UCB/TS (Auer et al. 2002a): N ← N + 1, Q ← Q + (r − Q)/N.</item>
/// <item>EXP3 (Auer et al. 2002b; section 11.2): clipped importance weight ĝ = r / max(p, c) with c = 0.01 (weights
/// capped at 100), log-weight S ← S + η ĝ / n, the 1/n "prevents weight explosion" factor; p is the chosen action's
/// marginal probability under the expert mixture.</item>
/// <item>FTRL (Hazan 2016; section 11.2 eq. 15): loss ℓ = 1 − r, ℓ̂ = min(ℓ / max(p, c), 10) (the extra hard cap, value
/// ours), cumulative C ← C + ℓ̂ / n.</item>
/// </list>
/// </summary>
public sealed class PositionActionStatistics
{
    /// <summary>FTRL's hard cap on one importance-weighted loss (our value; the paper names a cap but not its size).</summary>
    public const double FtrlLossCap = 10.0;

    private readonly long[] _count;
    private readonly double[] _mean;
    private readonly double[] _exp3;
    private readonly double[] _ftrl;
    private readonly long[] _visits;

    public PositionActionStatistics(int positions, int actions)
    {
        Positions = positions;
        Actions = actions;
        _count = new long[positions * actions];
        _mean = new double[positions * actions];
        _exp3 = new double[positions * actions];
        _ftrl = new double[positions * actions];
        _visits = new long[positions];
    }

    public int Positions { get; }

    public int Actions { get; }

    public long Count(int i, int a) => _count[i * Actions + a];

    public double Mean(int i, int a) => _mean[i * Actions + a];

    /// <summary>EXP3 log-weight S[i, a].</summary>
    public double Exp3LogWeight(int i, int a) => _exp3[i * Actions + a];

    /// <summary>FTRL cumulative estimated loss C[i, a].</summary>
    public double FtrlLoss(int i, int a) => _ftrl[i * Actions + a];

    /// <summary>Total updates of position i.</summary>
    public long Visits(int i) => _visits[i];

    /// <summary>
    /// All experts' update for position <paramref name="i"/> having played <paramref name="a"/> with mixture
    /// probability <paramref name="p"/> and observed normalized reward <paramref name="r"/>.
    /// </summary>
    public void Update(int i, int a, double r, double p, double learningRate, double clip, int problemSize)
    {
        int k = i * Actions + a;
        long n = ++_count[k];
        _mean[k] += (r - _mean[k]) / n;
        double q = Math.Max(p, clip);
        _exp3[k] += learningRate * (r / q) / problemSize;
        _ftrl[k] += Math.Min((1.0 - r) / q, FtrlLossCap) / problemSize;
        _visits[i]++;
    }

    /// <summary>UCB index Q + c √(ln t_i / N) with t_i the position's visits; +∞ for an unplayed action.</summary>
    public double Ucb(int i, int a, double c)
    {
        long n = Count(i, a);
        return n == 0 ? double.PositiveInfinity : Mean(i, a) + c * Math.Sqrt(Math.Log(Math.Max(Visits(i), 1)) / n);
    }

    /// <summary>
    /// Thompson posterior N(μ, σ²) of a Gaussian mean with prior N(0.5, 0.25) and unit-weight pseudo-observations of
    /// noise variance 0.25 (rewards lie in [0,1]): μ = (0.5 + N Q)/(N + 1), σ² = 0.25/(N + 1). Our construction; the
    /// paper only says "posterior sampling".
    /// </summary>
    public (double Mean, double Sd) ThompsonPosterior(int i, int a)
    {
        long n = Count(i, a);
        return ((0.5 + n * Mean(i, a)) / (n + 1), 0.5 / Math.Sqrt(n + 1));
    }

    /// <summary>
    /// FTRL score −η (C − R) with the visit regularizer R = √(N + 1) / n (section 11.2 eq. 16: grows sublinearly with
    /// visits and scales with 1/n; its exact form was lost, this is ours).
    /// </summary>
    public double FtrlScore(int i, int a, double learningRate, int problemSize) =>
        -learningRate * (FtrlLoss(i, a) - Math.Sqrt(Count(i, a) + 1.0) / problemSize);

    /// <summary>
    /// Soft violation v_i(a) = (c_i − 1) · Var_i · (1 − N[i,a] / max_b N[i,b]) (section 4.2.1 / eq. 46: overlap count,
    /// variance of the value estimates, visit ratio); 0 where nothing has been visited or c_i ≤ 1.
    /// </summary>
    public double SoftViolation(int i, int a, int overlapCount)
    {
        var (scale, max) = SoftViolationParts(i, overlapCount);
        return max == 0 ? 0.0 : scale * (1.0 - (double)Count(i, a) / max);
    }

    /// <summary>The action-independent parts of <see cref="SoftViolation"/>: ((c_i − 1)·Var_i, max_b N[i,b]).</summary>
    public (double Scale, long MaxCount) SoftViolationParts(int i, int overlapCount)
    {
        if (overlapCount <= 1)
        {
            return (0.0, 0);
        }

        long max = 0;
        double sum = 0, sumSq = 0;
        int visited = 0;
        for (int b = 0; b < Actions; b++)
        {
            long n = Count(i, b);
            if (n > 0)
            {
                max = Math.Max(max, n);
                double q = Mean(i, b);
                sum += q;
                sumSq += q * q;
                visited++;
            }
        }

        if (visited == 0)
        {
            return (0.0, 0);
        }

        double mean = sum / visited;
        double variance = Math.Max(0.0, sumSq / visited - mean * mean);
        return ((overlapCount - 1) * variance, max);
    }
}
