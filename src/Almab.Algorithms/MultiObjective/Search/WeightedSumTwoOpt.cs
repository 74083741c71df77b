using Almab.Algorithms.MultiObjective.Problems;

namespace Almab.Algorithms.MultiObjective.Search;

/// <summary>
/// WS-2opt: the weighted-sum reference for TSP and CVRP, standing in for the paper's WS-LKH (LKH itself is an external
/// solver Almab does not ship). For each of W weight vectors (40 for two objectives as in the paper's "WS-LKH (40 wt.)";
/// the 45-vector Das–Dennis lattice for three), TSP solves the single-objective tour on the combined matrix
/// Σ_k w_k D_k / (r_k − z_k) by <see cref="TourLocalSearch"/> from the best of three nearest-neighbour starts; CVRP
/// improves the giant tour under the weighted sum of (total length, makespan) with first-improvement 2-opt and
/// relocation moves evaluated through the split decoder. The union of the W solutions is returned; the runner keeps
/// its non-dominated set. Deterministic: no random numbers.
/// </summary>
public static class WeightedSumTwoOpt
{
    public const int BiObjectiveWeights = 40;

    public static List<int[]> Solve(IMocoProblem problem)
    {
        var weights = WeightVectors.Spread(problem.ObjectiveCount, BiObjectiveWeights);
        var result = new List<int[]>(weights.Length);
        foreach (var w in weights)
        {
            var s = new Scalarization(ScalarizationKind.WeightedSum, w, problem.Spec);
            result.Add(problem switch
            {
                TspProblem tsp => SolveTsp(tsp, s),
                CvrpProblem cvrp => SolveCvrp(cvrp, s),
                _ => throw new ArgumentException($"WS-2opt solves TSP and CVRP, not {problem.Spec.Label}"),
            });
        }

        return result;
    }

    private static int[] SolveTsp(TspProblem tsp, Scalarization s)
    {
        int n = tsp.Length;
        var d = new double[n * n];
        for (int k = 0; k < tsp.ObjectiveCount; k++)
        {
            double scale = s.Weights[k] / (tsp.Spec.Reference[k] - tsp.Spec.Ideal[k]);
            var dk = tsp.DistanceMatrix(k);
            for (int i = 0; i < d.Length; i++)
            {
                d[i] += scale * dk[i];
            }
        }

        int[]? best = null;
        double bestLength = double.PositiveInfinity;
        foreach (int start in new[] { 0, n / 3, 2 * n / 3 })
        {
            var tour = TourLocalSearch.NearestNeighbour(d, n, start);
            TourLocalSearch.Improve(d, n, tour);
            double length = TourLocalSearch.Length(d, n, tour);
            if (length < bestLength - 1e-12)
            {
                bestLength = length;
                best = tour;
            }
        }

        return best!;
    }

    private static int[] SolveCvrp(CvrpProblem cvrp, Scalarization s)
    {
        int n = cvrp.Length;
        var tour = new int[n];
        var used = new bool[n];
        int prev = 0;
        for (int i = 0; i < n; i++)
        {
            int best = -1;
            double bestD = double.PositiveInfinity;
            for (int c = 0; c < n; c++)
            {
                double dist = cvrp.NodeDistance(prev, c + 1);
                if (!used[c] && dist < bestD)
                {
                    bestD = dist;
                    best = c;
                }
            }

            tour[i] = best;
            used[best] = true;
            prev = best + 1;
        }

        var obj = new double[2];
        var trial = new int[n];
        cvrp.Evaluate(tour, obj);
        double cost = s.Cost(obj);
        bool improved = true;
        while (improved)
        {
            improved = false;
            for (int i = 0; i < n - 1; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    for (int move = 0; move < 2; move++)
                    {
                        tour.CopyTo(trial, 0);
                        if (move == 0)
                        {
                            Array.Reverse(trial, i, j - i + 1);
                        }
                        else
                        {
                            int c = trial[i];
                            Array.Copy(trial, i + 1, trial, i, j - i);
                            trial[j] = c;
                        }

                        cvrp.Evaluate(trial, obj);
                        double trialCost = s.Cost(obj);
                        if (trialCost < cost - 1e-12)
                        {
                            trial.CopyTo(tour, 0);
                            cost = trialCost;
                            improved = true;
                        }
                    }
                }
            }
        }

        return tour;
    }
}
