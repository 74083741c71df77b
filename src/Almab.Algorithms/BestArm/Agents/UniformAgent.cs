namespace Almab.Algorithms.BestArm.Agents;

/// <summary>
/// Uniform sampling (SH-RR paper, section 7): pull the arms round robin; recommend the pulled arm of highest
/// empirical mean (lowest arm among ties). Ignores consumption.
/// </summary>
public sealed class UniformAgent : IBestArmAgent
{
    private double[] _rewardSum = [];
    private int[] _pulls = [];
    private int _arms;
    private int _next;

    /// <inheritdoc />
    public string Name => "uniform";

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
        _next = 0;
        Array.Clear(_rewardSum, 0, arms);
        Array.Clear(_pulls, 0, arms);
    }

    /// <inheritdoc />
    public int Choose()
    {
        int arm = _next;
        _next = arm + 1 == _arms ? 0 : arm + 1;
        return arm;
    }

    /// <inheritdoc />
    public void Observe(int arm, double reward, ReadOnlySpan<double> consumption)
    {
        _pulls[arm]++;
        _rewardSum[arm] += reward;
    }

    /// <inheritdoc />
    public int Recommend()
    {
        int best = 0;
        double bestMean = double.NegativeInfinity;
        for (int k = 0; k < _arms; k++)
        {
            if (_pulls[k] > 0 && _rewardSum[k] / _pulls[k] > bestMean)
            {
                bestMean = _rewardSum[k] / _pulls[k];
                best = k;
            }
        }

        return best;
    }
}
