namespace Almab.Algorithms.MultiObjective.Problems;

/// <summary>
/// Bi-objective CVRP (D&amp;L appendix 10.1.1; PMOCO <c>MOCVRP/MOCVRProblemDef.py</c>): a depot and n customers uniform in
/// [0,1]², integer demands 1..9, vehicle capacity Q from <see cref="MocoSpecs"/>. A solution is a permutation of the
/// customers (a giant tour) decoded by capacity-constrained splitting: customers are appended to the current route
/// while the load stays ≤ Q, otherwise a new route starts at the depot (Prins 2004's order-first split, greedy form).
/// Objectives: total length of all routes, and makespan = length of the longest route.
/// </summary>
public sealed class CvrpProblem : IMocoProblem
{
    private readonly double[] _distance; // (n+1) × (n+1), node 0 = depot, customer c = node c+1

    /// <param name="spec">The benchmark configuration.</param>
    /// <param name="depot">Depot (x, y).</param>
    /// <param name="customers">n × 2 row-major customer coordinates.</param>
    /// <param name="demands">Integer demands, each in [1, capacity].</param>
    /// <param name="capacity">Vehicle capacity Q.</param>
    public CvrpProblem(MocoSpec spec, double[] depot, double[] customers, int[] demands, int capacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentException($"infeasible CVRP capacity {capacity}: it must be at least 1");
        }

        for (int i = 0; i < demands.Length; i++)
        {
            if (demands[i] < 1 || demands[i] > capacity)
            {
                throw new ArgumentException(
                    $"infeasible CVRP capacity {capacity}: customer {i} demands {demands[i]}, which no vehicle can carry");
            }
        }

        Spec = spec;
        Depot = depot;
        Customers = customers;
        Demands = demands;
        Capacity = capacity;
        Length = demands.Length;
        int nodes = Length + 1;
        _distance = new double[nodes * nodes];
        for (int a = 0; a < nodes; a++)
        {
            for (int b = 0; b < nodes; b++)
            {
                double ax = a == 0 ? depot[0] : customers[2 * (a - 1)];
                double ay = a == 0 ? depot[1] : customers[2 * (a - 1) + 1];
                double bx = b == 0 ? depot[0] : customers[2 * (b - 1)];
                double by = b == 0 ? depot[1] : customers[2 * (b - 1) + 1];
                _distance[a * nodes + b] = Math.Sqrt((ax - bx) * (ax - bx) + (ay - by) * (ay - by));
            }
        }
    }

    public MocoSpec Spec { get; }

    public int Length { get; }

    public MocoEncoding Encoding => MocoEncoding.Permutation;

    public int ObjectiveCount => 2;

    public double[] Depot { get; }

    public double[] Customers { get; }

    public int[] Demands { get; }

    public int Capacity { get; }

    /// <summary>Distance between nodes (0 = depot, c + 1 = customer c).</summary>
    public double NodeDistance(int a, int b) => _distance[a * (Length + 1) + b];

    public void Evaluate(Span<int> solution, Span<double> objectives)
    {
        SolutionCheck.Permutation(solution, Length);
        int nodes = Length + 1;
        double total = 0;
        double makespan = 0;
        double route = 0;
        int load = 0;
        int prev = 0;
        for (int i = 0; i < Length; i++)
        {
            int c = solution[i];
            int node = c + 1;
            if (load + Demands[c] > Capacity)
            {
                route += _distance[prev * nodes];
                total += route;
                makespan = Math.Max(makespan, route);
                route = 0;
                load = 0;
                prev = 0;
            }

            route += _distance[prev * nodes + node];
            load += Demands[c];
            prev = node;
        }

        route += _distance[prev * nodes];
        total += route;
        makespan = Math.Max(makespan, route);
        objectives[0] = total;
        objectives[1] = makespan;
    }

    /// <summary>The routes of the split decoding, as customer lists (for feasibility tests and figures).</summary>
    public List<List<int>> Split(ReadOnlySpan<int> solution)
    {
        SolutionCheck.Permutation(solution, Length);
        var routes = new List<List<int>> { new() };
        int load = 0;
        foreach (int c in solution)
        {
            if (load + Demands[c] > Capacity)
            {
                routes.Add(new List<int>());
                load = 0;
            }

            routes[^1].Add(c);
            load += Demands[c];
        }

        return routes;
    }

    public double Locality(int a, int b) => NodeDistance(a + 1, b + 1);
}
