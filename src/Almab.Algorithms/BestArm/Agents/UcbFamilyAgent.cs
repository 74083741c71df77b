namespace Almab.Algorithms.BestArm.Agents;

/// <summary>
/// Shared machinery of the UCB-type agents: pull every arm once (in arm order), then pull the arm maximizing
/// (mean_k + sqrt(a ln t / n_k)) · w_k, t = pulls so far + 1 (the published code's clock), lowest arm among ties.
/// The recommendation is the arm of highest empirical mean (lowest arm among ties), as in the published code.
/// The argmax runs on a <see cref="KineticArgMax"/>, exact and allocation-free.
/// </summary>
public abstract class UcbFamilyAgent : IBestArmAgent
{
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
        ResetWeights(arms, budgets.Length);
    }

    /// <inheritdoc />
    public int Choose()
    {
        if (_t <= Arms)
        {
            return (int)(_t - 1);
        }

        return _tree.Advance(SqrtTables.SqrtLn(_t));
    }

    /// <inheritdoc />
    public void Observe(int arm, double reward, ReadOnlySpan<double> consumption)
    {
        int n = ++_pulls[arm];
        double sum = _rewardSum[arm] += reward;
        ObserveConsumption(arm, n, consumption);
        _tree.Set(arm, sum / n, _sqrtA * SqrtTables.InvSqrt(n), Weight(arm, n));
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

    /// <summary>Prepares the weight state for a new episode.</summary>
    protected abstract void ResetWeights(int arms, int resources);

    /// <summary>Records a pull's consumption (the n-th pull of <paramref name="arm"/>).</summary>
    protected abstract void ObserveConsumption(int arm, int n, ReadOnlySpan<double> consumption);

    /// <summary>The multiplier w_k &gt; 0 of arm <paramref name="arm"/>'s index after its n-th pull.</summary>
    protected abstract double Weight(int arm, int n);
}
