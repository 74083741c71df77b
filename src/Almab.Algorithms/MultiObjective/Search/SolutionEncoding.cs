using Almab.Algorithms.MultiObjective.Problems;

namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// The real-vector encoding ParEGO's GP sees (D&amp;L appendix 10.3: "position-based for permutations, direct binary for
/// knapsack"). Permutation (TSP tour, CVRP giant tour): x_c = position of element c / (n − 1) ∈ [0, 1]; it decodes as a
/// random key — elements sorted by x (ties by index) — so every finite vector decodes to a valid permutation and
/// decode(encode(p)) = p. Binary (knapsack): x_i = s_i ∈ {0, 1}; it decodes by thresholding at 0.5 and then the
/// problem's drop repair (<see cref="KnapsackProblem.Repair"/>), so every finite vector decodes to a feasible selection
/// and a feasible selection round-trips exactly. CVRP feasibility needs nothing more: the capacity split of
/// <see cref="CvrpProblem"/> makes every permutation a feasible route set.
/// </summary>
public static class SolutionEncoding
{
    /// <summary>Writes the encoding of <paramref name="solution"/> into <paramref name="x"/> (length n).</summary>
    public static void Encode(IMocoProblem problem, ReadOnlySpan<int> solution, Span<double> x)
    {
        int n = problem.Length;
        if (solution.Length != n || x.Length != n)
        {
            throw new ArgumentException($"encoding needs length {n}, got solution {solution.Length} and vector {x.Length}");
        }

        if (problem.Encoding == MocoEncoding.Permutation)
        {
            SolutionCheck.Permutation(solution, n);
            double scale = n > 1 ? 1.0 / (n - 1) : 0.0;
            for (int p = 0; p < n; p++)
            {
                x[solution[p]] = p * scale;
            }

            return;
        }

        SolutionCheck.Binary(solution, n);
        for (int i = 0; i < n; i++)
        {
            x[i] = solution[i];
        }
    }

    /// <summary>The encoding as a fresh array.</summary>
    public static double[] Encode(IMocoProblem problem, ReadOnlySpan<int> solution)
    {
        var x = new double[problem.Length];
        Encode(problem, solution, x);
        return x;
    }

    /// <summary>Decodes any finite vector into a feasible solution (see the class summary).</summary>
    public static void Decode(IMocoProblem problem, ReadOnlySpan<double> x, Span<int> solution)
    {
        int n = problem.Length;
        if (solution.Length != n || x.Length != n)
        {
            throw new ArgumentException($"decoding needs length {n}, got vector {x.Length} and solution {solution.Length}");
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                throw new ArgumentException($"encoded coordinate {i} is {x[i]}; it must be finite");
            }
        }

        if (problem.Encoding == MocoEncoding.Permutation)
        {
            var keys = x.ToArray();
            for (int i = 0; i < n; i++)
            {
                solution[i] = i;
            }

            // Stable order: ties keep increasing element index, so decoding is a function of x alone.
            var order = solution.ToArray();
            Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
            order.CopyTo(solution);
            return;
        }

        for (int i = 0; i < n; i++)
        {
            solution[i] = x[i] >= 0.5 ? 1 : 0;
        }

        ((KnapsackProblem)problem).Repair(solution);
    }
}
