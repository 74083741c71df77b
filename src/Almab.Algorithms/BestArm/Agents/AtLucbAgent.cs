namespace Almab.Algorithms.BestArm.Agents;

/// <summary>
/// Anytime LUCB (AT-LUCB; Jun and Nowak, 2016, Algorithm 2, top-1) as the SH-RR paper's baseline (section 7),
/// with the published settings δ1 = 0.5, α = 0.99, ε = 0 and the LUCB bound
/// β(n, t, δ) = sqrt((ln(5K / (4δ)) + 4 ln t) / (2n)), δ_s = δ1 α^(s−1). After one pull of every arm, each round t
/// (t = 1, 2, ...) takes h = Top(t), the empirical best, and l = argmax_{k ≠ h} U_k with U = mean + β, L = mean − β;
/// TERM_δ holds when U_l − L_h &lt; ε. If TERM holds at δ_{S}, the stage S advances to the first s with ¬TERM_{δ_s}
/// and J = Top(t); otherwise J = Top(t) while S = 1 and stays otherwise. The round pulls h, then l.
/// Protocol notes: the published code recommends the empirical best for m = 1 (Almab recommends J, which equals
/// it until the first stage change), and its stage loop stops at the first s where TERM holds, which loops forever
/// whenever TERM fails at S + 1; Almab follows Jun and Nowak's "until ¬TERM".
/// </summary>
public sealed class AtLucbAgent : IBestArmAgent
{
    private readonly KineticArgMax _upper = new();
    private readonly KineticArgMax _means = new();
    private double[] _rewardSum = [];
    private int[] _pulls = [];
    private int _arms;
    private int _initial;
    private int _queued0 = -1;
    private int _queued1 = -1;
    private long _t;
    private int _stage;
    private int _recommendation;
    private double _logFirstStage;
    private readonly double _logAlpha;

    /// <summary>Creates AT-LUCB; defaults are the published settings.</summary>
    public AtLucbAgent(double delta1 = 0.5, double alpha = 0.99, double epsilon = 0.0)
    {
        if (!(delta1 > 0 && delta1 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta1), delta1, "δ1 must be in (0, 1)");
        }

        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be in (0, 1)");
        }

        if (!(epsilon >= 0) || double.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be finite and >= 0");
        }

        Delta1 = delta1;
        Alpha = alpha;
        Epsilon = epsilon;
        _logAlpha = Math.Log(alpha);
    }

    /// <summary>δ1.</summary>
    public double Delta1 { get; }

    /// <summary>α, the per-stage discount of δ.</summary>
    public double Alpha { get; }

    /// <summary>ε, the termination tolerance.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public string Name => "at-lucb";

    /// <summary>Current stage S (1-based).</summary>
    public int Stage => _stage;

    /// <summary>Pulls of arm <paramref name="arm"/> so far.</summary>
    public int Pulls(int arm) => _pulls[arm];

    /// <summary>The confidence radius β(n, t, δ) = sqrt((ln(5K / (4δ)) + 4 ln t) / (2n)).</summary>
    public static double Bound(int arms, double delta, long t, int n) =>
        Math.Sqrt((Math.Log(5.0 * arms / (4.0 * delta)) + 4.0 * Math.Log(t)) / (2.0 * n));

    /// <inheritdoc />
    public void Reset(int arms, ReadOnlySpan<double> budgets, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        if (_pulls.Length < arms)
        {
            _rewardSum = new double[arms];
            _pulls = new int[arms];
        }

        _arms = arms;
        _logFirstStage = Math.Log(5.0 * arms / (4.0 * Delta1));
        Array.Clear(_rewardSum, 0, arms);
        Array.Clear(_pulls, 0, arms);
        _upper.Reset(arms);
        _means.Reset(arms);
        _initial = 0;
        _queued0 = _queued1 = -1;
        _t = 1;
        _stage = 1;
        _recommendation = 0;
    }

    /// <inheritdoc />
    public int Choose() => _initial < _arms ? _initial : _queued0;

    /// <inheritdoc />
    public void Observe(int arm, double reward, ReadOnlySpan<double> consumption)
    {
        int n = ++_pulls[arm];
        double mean = (_rewardSum[arm] += reward) / n;
        _upper.Set(arm, mean, Math.Sqrt(0.5) * SqrtTables.InvSqrt(n), 1.0);
        _means.SetFlat(arm, mean);
        if (_initial < _arms)
        {
            if (++_initial < _arms)
            {
                return;
            }
        }
        else
        {
            _queued0 = _queued1;
            _queued1 = -1;
            if (_queued0 >= 0)
            {
                return;
            }
        }

        NextRound();
    }

    /// <inheritdoc />
    public int Recommend() => _recommendation;

    private void NextRound()
    {
        int top = _means.Winner;
        int l = Challenger(top, _stage, out double gap);
        if (gap < Epsilon)
        {
            int s = _stage;
            do
            {
                s++;
                if (s - _stage > 10_000_000)
                {
                    throw new InvalidOperationException("AT-LUCB: the stage search did not end");
                }

                l = Challenger(top, s, out gap);
            }
            while (gap < Epsilon);
            _stage = s;
            _recommendation = top;
        }
        else if (_stage == 1)
        {
            _recommendation = top;
        }

        _queued0 = top;
        _queued1 = l;
        _t++;
    }

    private int Challenger(int top, int stage, out double gap)
    {
        double h = H(_t, stage);
        _upper.Advance(h);
        int l = _upper.WinnerExcluding(top);

        double upper = _upper.Index(l, h);
        double lowerTop = _upper.Index(top, -h);
        gap = upper - lowerTop;
        return l;
    }

    // sqrt(ln(5K/(4δ_s)) + 4 ln t): β = g_k · H with g_k = sqrt(1/(2 n_k)).
    private double H(long t, int stage)
    {
        // ln(5K / (4 δ1 α^(s−1))) = ln(5K / (4 δ1)) − (s − 1) ln α.
        double confidence = _logFirstStage - (stage - 1) * _logAlpha;
        double sqrtLn = SqrtTables.SqrtLn(t);
        return Math.Sqrt(confidence + 4.0 * sqrtLn * sqrtLn);
    }
}
