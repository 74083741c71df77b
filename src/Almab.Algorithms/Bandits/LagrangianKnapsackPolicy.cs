namespace Almab.Algorithms.Bandits;

/// <summary>
/// Budgeted bandit by Lagrangian relaxation (survey 001 section 4.4, "dual variable for constraint ... UCB with
/// constraint-adjusted rewards"): the constraint "mean cost per pull &lt;= rho" gets a dual price lambda &gt;= 0, each
/// decision maximizes the optimistic Lagrangian UCB(reward_i) - lambda LCB(cost_i) (bonus c sqrt(log t / n_i),
/// LCB clipped at 0), and after each pull lambda moves by projected dual (sub)gradient ascent:
/// lambda = max(0, lambda + eta (cost - rho)). Arms never pulled (pending ones included) are tried first.
/// </summary>
public sealed class LagrangianKnapsackPolicy : IBudgetedBanditPolicy
{
    private readonly long[] _count;
    private readonly long[] _pending;
    private readonly double[] _rewardSum;
    private readonly double[] _costSum;
    private long _started;

    /// <summary>Creates the policy with budget rate <paramref name="budgetPerPull"/> (rho &gt; 0) and dual step <paramref name="stepSize"/> (eta &gt; 0).</summary>
    public LagrangianKnapsackPolicy(int arms, double budgetPerPull, double stepSize = 0.05, double c = 1.4142135623730951)
    {
        BanditGuard.Arms(arms);
        if (!(budgetPerPull > 0) || double.IsInfinity(budgetPerPull))
        {
            throw new ArgumentOutOfRangeException(nameof(budgetPerPull), budgetPerPull, "budget per pull rho must be finite and > 0.");
        }

        if (!(stepSize > 0) || double.IsInfinity(stepSize))
        {
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "dual step size eta must be finite and > 0.");
        }

        if (!(c >= 0) || double.IsInfinity(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "c must be finite and >= 0.");
        }

        Arms = arms;
        BudgetPerPull = budgetPerPull;
        StepSize = stepSize;
        C = c;
        _count = new long[arms];
        _pending = new long[arms];
        _rewardSum = new double[arms];
        _costSum = new double[arms];
    }

    /// <inheritdoc />
    public int Arms { get; }

    /// <summary>Budget rate rho: allowed mean cost per pull.</summary>
    public double BudgetPerPull { get; }

    /// <summary>Dual step size eta.</summary>
    public double StepSize { get; }

    /// <summary>Exploration constant c.</summary>
    public double C { get; }

    /// <summary>Current dual price lambda of one unit of cost.</summary>
    public double Price { get; private set; }

    /// <summary>The optimistic Lagrangian index of <paramref name="arm"/>.</summary>
    public double Index(int arm)
    {
        long n = _count[arm] + _pending[arm];
        if (n == 0)
        {
            return double.PositiveInfinity;
        }

        double done = Math.Max(_count[arm], 1);
        double bonus = C * Math.Sqrt(Math.Log(Math.Max(_started, 1)) / n);
        double reward = _rewardSum[arm] / done + bonus;
        double cost = Math.Max(0.0, _costSum[arm] / done - bonus);
        return reward - Price * cost;
    }

    /// <inheritdoc />
    public int Select()
    {
        int best = 0;
        double bestIndex = double.NegativeInfinity;
        for (int i = 0; i < Arms; i++)
        {
            double index = Index(i);
            if (index > bestIndex)
            {
                bestIndex = index;
                best = i;
            }
        }

        _pending[best]++;
        _started++;
        return best;
    }

    /// <inheritdoc />
    public void Update(int arm, double reward, double cost)
    {
        BanditGuard.Arm(arm, Arms);
        BanditGuard.Reward(reward);
        if (!(cost >= 0) || double.IsInfinity(cost))
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "cost must be finite and >= 0.");
        }

        if (_pending[arm] > 0)
        {
            _pending[arm]--;
        }
        else
        {
            _started++;
        }

        _count[arm]++;
        _rewardSum[arm] += reward;
        _costSum[arm] += cost;
        Price = Math.Max(0.0, Price + StepSize * (cost - BudgetPerPull));
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_count);
        Array.Clear(_pending);
        Array.Clear(_rewardSum);
        Array.Clear(_costSum);
        _started = 0;
        Price = 0;
    }
}
