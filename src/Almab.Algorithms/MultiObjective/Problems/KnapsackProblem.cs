namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>
/// Bi-objective 0/1 knapsack (D&amp;L appendix 10.1.1; PMOCO <c>MOKP/MOKProblemDef.py</c>): item weights and both value
/// vectors uniform on [0,1], capacity from <see cref="MocoSpecs"/>, both total values maximized. Objectives are
/// returned negated (minimization). Infeasible selections are repaired by dropping selected items in increasing order
/// of (v₁ + v₂)/w until the load fits — a fixed, objective-neutral greedy order (Ishibuchi et al. 2015's ratio repair).
/// </summary>
public sealed class KnapsackProblem : IMocoProblem
{
    private readonly int[] _dropOrder;

    public KnapsackProblem(MocoSpec spec, double[] weights, double[][] values, double capacity)
    {
        if (!(capacity > 0) || !double.IsFinite(capacity))
        {
            throw new ArgumentException($"knapsack capacity must be a positive finite number, got {capacity}");
        }

        if (values.Length != spec.ObjectiveCount || values.Any(v => v.Length != weights.Length))
        {
            throw new ArgumentException(
                $"{spec.Label} defines {spec.ObjectiveCount} objectives over {weights.Length} items; got {values.Length} value vectors");
        }

        double total = 0;
        foreach (double w in weights)
        {
            if (!(w > 0) || !double.IsFinite(w))
            {
                throw new ArgumentException($"knapsack item weights must be positive and finite, got {w}");
            }

            total += w;
        }

        double lightest = weights.Min();
        if (lightest > capacity)
        {
            throw new ArgumentException(
                $"infeasible knapsack capacity {capacity}: no item fits (the lightest weighs {lightest})");
        }

        Spec = spec;
        Weights = weights;
        Values = values;
        Capacity = capacity;
        Length = weights.Length;
        ObjectiveCount = values.Length;
        _dropOrder = new int[Length];
        var ratio = new double[Length];
        for (int i = 0; i < Length; i++)
        {
            _dropOrder[i] = i;
            double v = 0;
            for (int m = 0; m < ObjectiveCount; m++)
            {
                v += values[m][i];
            }

            ratio[i] = v / weights[i];
        }

        Array.Sort(ratio, _dropOrder);
    }

    public MocoSpec Spec { get; }

    public int Length { get; }

    public MocoEncoding Encoding => MocoEncoding.Binary;

    public int ObjectiveCount { get; }

    public double[] Weights { get; }

    /// <summary>Per objective, the item values.</summary>
    public double[][] Values { get; }

    public double Capacity { get; }

    /// <summary>Item indices in increasing (v₁ + v₂)/w: the order in which repair drops items.</summary>
    public ReadOnlySpan<int> DropOrder => _dropOrder;

    /// <summary>Drops selected items in <see cref="DropOrder"/> until the load fits; returns the final load.</summary>
    public double Repair(Span<int> solution)
    {
        double load = Load(solution);
        for (int k = 0; k < _dropOrder.Length && load > Capacity; k++)
        {
            int i = _dropOrder[k];
            if (solution[i] == 1)
            {
                solution[i] = 0;
                load -= Weights[i];
            }
        }

        return load;
    }

    public double Load(ReadOnlySpan<int> solution)
    {
        double load = 0;
        for (int i = 0; i < solution.Length; i++)
        {
            if (solution[i] == 1)
            {
                load += Weights[i];
            }
        }

        return load;
    }

    public void Evaluate(Span<int> solution, Span<double> objectives)
    {
        SolutionCheck.Binary(solution, Length);
        Repair(solution);
        for (int m = 0; m < ObjectiveCount; m++)
        {
            double v = 0;
            var values = Values[m];
            for (int i = 0; i < Length; i++)
            {
                if (solution[i] == 1)
                {
                    v += values[i];
                }
            }

            objectives[m] = -v;
        }
    }

    public double Locality(int a, int b)
    {
        double dw = Weights[a] - Weights[b];
        double s = dw * dw;
        for (int m = 0; m < ObjectiveCount; m++)
        {
            double dv = Values[m][a] - Values[m][b];
            s += dv * dv;
        }

        return Math.Sqrt(s);
    }
}
