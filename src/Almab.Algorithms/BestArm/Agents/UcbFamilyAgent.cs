using System.Runtime.CompilerServices;

namespace Almab.Algorithms.BestArm.Agents;

/// <summary>
/// Shared machinery of the UCB-type agents: pull every arm once (in arm order), then pull the arm maximizing
/// (mean_k + sqrt(a ln t / n_k)) · w_k, t = pulls so far + 1 (the published code's clock), lowest arm among ties.
/// The recommendation is the arm of highest empirical mean (lowest arm among ties), as in the published code.
/// The argmax runs on a <see cref="KineticArgMax"/>, allocation-free and exact except at ties made by rounding (see there). The multiplier w_k comes from a
/// struct policy <typeparamref name="TWeights"/>, so its per-pull calls are direct and inlined (two virtual calls a
/// pull were a measurable share of RA-UCB's time).
/// </summary>
/// <typeparam name="TWeights">The index multiplier (1 for UCB, 1 / estimated cost for RA-UCB).</typeparam>
public abstract class UcbFamilyAgent<TWeights> : IBestArmAgent
    where TWeights : struct, IUcbWeights
{
    private TWeights _weights = default;
    private readonly KineticArgMax _tree = new();
    private double[] _rewardSum = [];
    private int[] _pulls = [];
    private double[] _budgets = [];
    private readonly double _sqrtA;
    private long _t;

    /// <summary>Creates the agent with exploration factor <paramref name="a"/> &gt; 0.</summary>
    protected UcbFamilyAgent(double a)
    {
        if (!(a > 0) || double.IsInfinity(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "the exploration factor must be finite and > 0");
        }

        ExplorationFactor = a;
        _sqrtA = Math.Sqrt(a);
    }

    /// <summary>The exploration factor a of sqrt(a ln t / n).</summary>
    public double ExplorationFactor { get; }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>Number of arms of the current episode.</summary>
    protected int Arms { get; private set; }

    /// <summary>Budgets C_l of the current episode.</summary>
    protected ReadOnlySpan<double> Budgets => _budgets;

    /// <summary>Pulls of arm <paramref name="arm"/> so far.</summary>
    public int Pulls(int arm) => _pulls[arm];

    /// <inheritdoc />
    public void Reset(int arms, ReadOnlySpan<double> budgets, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        if (_pulls.Length < arms)
        {
            _rewardSum = new double[arms];
            _pulls = new int[arms];
        }

        if (_budgets.Length != budgets.Length)
        {
            _budgets = new double[budgets.Length];
        }

        budgets.CopyTo(_budgets);
        Arms = arms;
        Array.Clear(_rewardSum, 0, arms);
        Array.Clear(_pulls, 0, arms);
        _tree.Reset(arms);
        _t = 1;
        _weights.Reset(arms, budgets.Length);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Choose()
    {
        if (_t <= Arms)
        {
            return (int)(_t - 1);
        }

        return _tree.Advance(SqrtTables.SqrtLn(_t));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Observe(int arm, double reward, ReadOnlySpan<double> consumption)
    {
        int n = ++_pulls[arm];
        double sum = _rewardSum[arm] += reward;
        _weights.Observe(arm, consumption);
        _tree.Set(arm, sum / n, _sqrtA * SqrtTables.InvSqrt(n), _weights.Weight(arm, n, _budgets));
        _t++;
    }

    /// <inheritdoc />
    public int Recommend()
    {
        int best = -1;
        double bestMean = double.NegativeInfinity;
        for (int k = 0; k < Arms; k++)
        {
            if (_pulls[k] > 0 && _rewardSum[k] / _pulls[k] > bestMean)
            {
                bestMean = _rewardSum[k] / _pulls[k];
                best = k;
            }
        }

        return best < 0 ? 0 : best;
    }
}

/// <summary>The index multiplier w_k of a <see cref="UcbFamilyAgent{TWeights}"/> (a struct, called directly).</summary>
public interface IUcbWeights
{
    /// <summary>Prepares the weight state for a new episode.</summary>
    void Reset(int arms, int resources);

    /// <summary>Records a pull's consumption.</summary>
    void Observe(int arm, ReadOnlySpan<double> consumption);

    /// <summary>The multiplier w_k &gt; 0 of arm <paramref name="arm"/>'s index after its n-th pull.</summary>
    double Weight(int arm, int n, ReadOnlySpan<double> budgets);
}
