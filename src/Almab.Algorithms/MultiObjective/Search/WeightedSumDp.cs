using Almab.Algorithms.MultiObjective.Problems;

namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// WS-DP (D&amp;L appendix 10.3): the bi-objective knapsack scalarized by 101 evenly spaced weight vectors
/// (w, 1 − w), w = 0, 0.01, …, 1, each solved exactly by <see cref="KnapsackDp"/> on the raw values (profit
/// w·v₁ + (1−w)·v₂). Returns the 101 selections; the runner keeps their non-dominated set. Deterministic.
/// </summary>
public static class WeightedSumDp
{
    public const int WeightCount = 101;

    public static List<int[]> Solve(KnapsackProblem problem)
    {
        var weights = WeightVectors.Spread(problem.ObjectiveCount, WeightCount);
        var result = new List<int[]>(weights.Length);
        var profit = new double[problem.Length];
        foreach (var w in weights)
        {
            for (int i = 0; i < problem.Length; i++)
            {
                double v = 0;
                for (int k = 0; k < problem.ObjectiveCount; k++)
                {
                    v += w[k] * problem.Values[k][i];
                }

                profit[i] = v;
            }

            result.Add(KnapsackDp.Solve(problem.Weights, profit, problem.Capacity));
        }

        return result;
    }
}
