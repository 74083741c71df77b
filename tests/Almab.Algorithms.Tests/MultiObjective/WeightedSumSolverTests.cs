using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.MultiObjective.Search;
using Almab.Algorithms.Randomness;
using FsCheck.Xunit;

namespace Almab.Algorithms.Tests.MultiObjective;

/// <summary>WS-DP is optimal (brute force, n ≤ 15); WS-2opt returns feasible tours that are 2-opt local optima.</summary>
public sealed class WeightedSumSolverTests
{
    [Property(MaxTest = 150)]
    public bool Knapsack_dp_is_optimal_against_brute_force(int seed)
    {
        var rng = new Seed((ulong)(uint)seed).Derive("kp-brute").CreateRng();
        int n = 1 + rng.Next(15);
        var w = new double[n];
        var p = new double[n];
        for (int i = 0; i < n; i++)
        {
            w[i] = rng.NextOpenDouble();
            p[i] = rng.Next(4) == 0 ? 0.0 : rng.NextDouble();
        }

        double capacity = rng.NextDouble() * w.Sum();
        var x = KnapsackDp.Solve(w, p, capacity);
        double load = 0, value = 0;
        for (int i = 0; i < n; i++)
        {
            load += x[i] * w[i];
            value += x[i] * p[i];
        }

        double best = 0;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            double l = 0, v = 0;
            for (int i = 0; i < n; i++)
            {
                if ((mask >> i & 1) == 1)
                {
                    l += w[i];
                    v += p[i];
                }
            }

            if (l <= capacity)
            {
                best = Math.Max(best, v);
            }
        }

        return load <= capacity && Math.Abs(value - best) <= 1e-12 * Math.Max(1, best);
    }

    [Fact]
    public void Ws_dp_gives_101_feasible_selections()
    {
        var p = (KnapsackProblem)MocoInstances.Create(MocoProblemKind.BiKp, 50, 0, new Seed(1));
        var sols = WeightedSumDp.Solve(p);
        Assert.Equal(101, sols.Count);
        Assert.All(sols, x => Assert.True(p.Load(x) <= p.Capacity));
    }

    [Fact]
    public void Ws_2opt_tours_are_permutations_and_two_opt_optimal_on_the_weighted_matrix()
    {
        var p = (TspProblem)MocoInstances.Create(MocoProblemKind.BiTsp, 20, 3, new Seed(1));
        var sols = WeightedSumTwoOpt.Solve(p);
        Assert.Equal(WeightedSumTwoOpt.BiObjectiveWeights, sols.Count);
        var extreme = sols[0]; // weight (1, 0): objective 1 alone
        Assert.Equal(Enumerable.Range(0, 20), extreme.OrderBy(c => c));
        int n = 20;
        for (int i = 0; i < n - 1; i++)
        {
            for (int j = i + 2; j < n; j++)
            {
                int a = extreme[i], b = extreme[i + 1], c = extreme[j], e = extreme[(j + 1) % n];
                if (e == a)
                {
                    continue;
                }

                double delta = p.Distance(0, a, c) + p.Distance(0, b, e) - p.Distance(0, a, b) - p.Distance(0, c, e);
                Assert.True(delta >= -1e-9, $"improving 2-opt move left at ({i}, {j}): {delta}");
            }
        }
    }
}
