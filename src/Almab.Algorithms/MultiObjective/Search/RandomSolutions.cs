using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// Uniform random feasible solutions: a uniform permutation (Fisher–Yates), or for the knapsack a random maximal
/// packing (items in uniform random order, each added when it still fits). Also the shared initial design: every method
/// starts from <see cref="Initial"/> of the same instance (D&amp;L section 6.2: "identical initialization").
/// </summary>
public static class RandomSolutions
{
    /// <summary>Initial design size: 50 random feasible solutions for n ≤ 50, 100 above (section 6.2's 50–100).</summary>
    public static int InitialCount(IMocoProblem problem) => problem.Length <= 50 ? 50 : 100;

    /// <summary>The shared initial design of an instance, drawn from <paramref name="seed"/> → "initial".</summary>
    public static int[][] Initial(IMocoProblem problem, Seed seed)
    {
        var rng = seed.Derive("initial").CreateRng();
        var result = new int[InitialCount(problem)][];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Draw(problem, rng);
        }

        return result;
    }

    /// <summary>One random feasible solution.</summary>
    public static int[] Draw(IMocoProblem problem, Rng rng)
    {
        int n = problem.Length;
        var x = new int[n];
        if (problem.Encoding == MocoEncoding.Permutation)
        {
            for (int i = 0; i < n; i++)
            {
                x[i] = i;
            }

            Shuffle(x, rng);
            return x;
        }

        var kp = (KnapsackProblem)problem;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Shuffle(order, rng);
        double load = 0;
        foreach (int i in order)
        {
            if (load + kp.Weights[i] <= kp.Capacity)
            {
                x[i] = 1;
                load += kp.Weights[i];
            }
        }

        return x;
    }

    public static void Shuffle(Span<int> x, Rng rng)
    {
        for (int i = x.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }
}
