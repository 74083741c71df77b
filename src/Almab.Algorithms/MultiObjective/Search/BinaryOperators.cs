using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// Binary variation for the knapsack (D&amp;L appendix 10.3, after Ishibuchi et al. 2015): uniform crossover, bit-flip
/// mutation at rate 1/n, and greedy capacity repair — drop selected items in increasing (v₁ + v₂)/w until feasible,
/// then add unselected items in decreasing (v₁ + v₂)/w while they fit.
/// </summary>
public static class BinaryOperators
{
    public static void UniformCrossover(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> child, Rng rng)
    {
        for (int i = 0; i < a.Length; i++)
        {
            child[i] = (rng.NextUInt64() & 1) == 0 ? a[i] : b[i];
        }
    }

    public static void BitFlip(Span<int> x, double rate, Rng rng)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (rng.NextDouble() < rate)
            {
                x[i] ^= 1;
            }
        }
    }

    /// <summary>Greedy repair in place; the result is feasible and maximal in the ratio order.</summary>
    public static void GreedyRepair(KnapsackProblem problem, Span<int> x)
    {
        double load = problem.Repair(x);
        var order = problem.DropOrder;
        for (int k = order.Length - 1; k >= 0; k--)
        {
            int i = order[k];
            if (x[i] == 0 && load + problem.Weights[i] <= problem.Capacity)
            {
                x[i] = 1;
                load += problem.Weights[i];
            }
        }
    }
}
