using Almab.Algorithms.Acquisitions;
using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.Randomness;
using Almab.Algorithms.Surrogates;

namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// ParEGO's acquisition step on a combinatorial domain (D&amp;L appendix 10.3: "evolutionary optimization of the
/// acquisition with problem-specific operators ... replacing gradient-based continuous optimization"): expected
/// improvement EI(x) = σ(x)(zΦ(z) + φ(z)), z = (best − μ(x))/σ(x), on the GP of the scalarized objective, maximized by a
/// (μ + λ) evolutionary search. Each generation breeds <see cref="ParEgoConfig.Offspring"/> candidates from the pool of
/// the best <see cref="ParEgoConfig.Parents"/>: permutations by OX with another pool member (probability 0.3) and then one
/// or two inversion / swap moves; knapsacks by uniform crossover (0.3) and then one to three bit flips, with the drop
/// repair restoring feasibility. Candidates already evaluated or pending are skipped; the pool keeps the top EI.
/// </summary>
public static class ParEgoAcquisition
{
    /// <summary>The unseen candidate of highest EI, or null when every candidate bred was a duplicate.</summary>
    public static int[]? Maximize(
        IMocoProblem problem, GaussianProcess gp, double best, IReadOnlyList<int[]> parents, IReadOnlySet<int[]> seen,
        Rng rng, ParEgoConfig config)
    {
        var pool = new List<(int[] X, double Ei)>(parents.Count);
        foreach (var p in parents)
        {
            pool.Add((p, double.NegativeInfinity)); // evaluated points: never returned, only bred from
        }

        var bred = new HashSet<int[]>(SolutionComparer.Instance);
        int[]? argmax = null;
        double maxEi = double.NegativeInfinity;
        var children = new List<int[]>(config.Offspring);
        var encoded = new List<double[]>(config.Offspring);
        var mean = new double[config.Offspring];
        var variance = new double[config.Offspring];
        for (int g = 0; g < config.Generations; g++)
        {
            children.Clear();
            encoded.Clear();
            for (int c = 0; c < config.Offspring; c++)
            {
                var child = Breed(problem, pool, rng);
                if (seen.Contains(child) || !bred.Add(child))
                {
                    continue;
                }

                children.Add(child);
                encoded.Add(SolutionEncoding.Encode(problem, child));
            }

            if (children.Count == 0)
            {
                continue;
            }

            gp.Predict(encoded, mean, variance);
            for (int c = 0; c < children.Count; c++)
            {
                double ei = ExpectedImprovement.Value(best - mean[c], Math.Sqrt(variance[c]));
                pool.Add((children[c], ei));
                if (ei > maxEi)
                {
                    maxEi = ei;
                    argmax = children[c];
                }
            }

            // Keep the top of the pool by EI; evaluated parents (−∞) stay only while there is room.
            pool.Sort((a, b) => b.Ei.CompareTo(a.Ei));
            if (pool.Count > config.Parents)
            {
                pool.RemoveRange(config.Parents, pool.Count - config.Parents);
            }
        }

        return argmax;
    }

    private static int[] Breed(IMocoProblem problem, List<(int[] X, double Ei)> pool, Rng rng)
    {
        var a = pool[rng.Next(pool.Count)].X;
        var child = new int[a.Length];
        bool cross = pool.Count > 1 && rng.NextDouble() < 0.3;
        if (problem.Encoding == MocoEncoding.Permutation)
        {
            if (cross)
            {
                PermutationOperators.OrderCrossover(a, pool[rng.Next(pool.Count)].X, child, rng);
            }
            else
            {
                a.CopyTo(child, 0);
            }

            int moves = 1 + rng.Next(2);
            for (int k = 0; k < moves; k++)
            {
                if ((rng.NextUInt64() & 1) == 0)
                {
                    PermutationOperators.Inversion(child, rng);
                }
                else
                {
                    PermutationOperators.Swap(child, rng);
                }
            }

            return child;
        }

        if (cross)
        {
            BinaryOperators.UniformCrossover(a, pool[rng.Next(pool.Count)].X, child, rng);
        }
        else
        {
            a.CopyTo(child, 0);
        }

        int flips = 1 + rng.Next(3);
        for (int k = 0; k < flips; k++)
        {
            child[rng.Next(child.Length)] ^= 1;
        }

        ((KnapsackProblem)problem).Repair(child);
        return child;
    }
}
