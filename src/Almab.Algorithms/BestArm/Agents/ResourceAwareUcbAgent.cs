namespace Almab.Algorithms.BestArm.Agents;

/// <summary>
/// Almab's own resource-aware UCB (not from the SH-RR paper or its peers; untuned): the UCB index divided by the
/// arm's estimated cost, (mean + sqrt(a ln t / n)) / ĉ_k with ĉ_k = Σ_l ((S_{l,k} + 1) / (n_k + 1)) / C_l, the
/// expected fraction of each budget one pull spends, with S_{l,k} the arm's total use of resource l. The +1/+1
/// (one pseudo-pull consuming a full unit) keeps ĉ_k &gt; 0 when Bernoulli consumption has shown no use yet; it is
/// a convention, not a tuned constant. The recommendation is the empirical best arm, as for UCB.
/// </summary>
public sealed class ResourceAwareUcbAgent : UcbFamilyAgent
{
    private double[] _use = [];
    private int _resources;

    /// <summary>Creates the agent with exploration factor <paramref name="a"/> (2, as UCB).</summary>
    public ResourceAwareUcbAgent(double a = 2.0) : base(a)
    {
    }

    /// <inheritdoc />
    public override string Name => "ra-ucb";

    /// <inheritdoc />
    protected override void ResetWeights(int arms, int resources)
    {
        _resources = resources;
        if (_use.Length < arms * resources)
        {
            _use = new double[arms * resources];
        }

        Array.Clear(_use, 0, arms * resources);
    }

    /// <inheritdoc />
    protected override void ObserveConsumption(int arm, int n, ReadOnlySpan<double> consumption)
    {
        for (int l = 0; l < _resources; l++)
        {
            _use[l * Arms + arm] += consumption[l];
        }
    }

    /// <inheritdoc />
    protected override double Weight(int arm, int n)
    {
        double cost = 0;
        var budgets = Budgets;
        for (int l = 0; l < _resources; l++)
        {
            cost += (_use[l * Arms + arm] + 1.0) / (n + 1.0) / budgets[l];
        }

        return 1.0 / cost;
    }
}
