using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.MultiObjective.Search;
using Almab.Algorithms.Randomness;
using FsCheck.Xunit;

namespace Almab.Algorithms.Tests.MultiObjective;

/// <summary>Decoders give feasible tours, routes and knapsacks; generators are seeded; bad input is one clear error.</summary>
public sealed class ProblemTests
{
    private static readonly Seed Root = new(20261206);

    [Property(MaxTest = 100)]
    public bool Cvrp_split_routes_are_feasible_and_cover_every_customer(int seed, bool big)
    {
        var p = (CvrpProblem)MocoInstances.Create(MocoProblemKind.BiCvrp, big ? 50 : 20, Math.Abs(seed % 50), Root);
        var x = RandomSolutions.Draw(p, new Seed((ulong)(uint)seed).CreateRng());
        var routes = p.Split(x);
        var obj = new double[2];
        p.Evaluate(x, obj);
        double total = 0, longest = 0;
        foreach (var r in routes)
        {
            double len = p.NodeDistance(0, r[0] + 1) + p.NodeDistance(r[^1] + 1, 0);
            for (int k = 0; k + 1 < r.Count; k++)
            {
                len += p.NodeDistance(r[k] + 1, r[k + 1] + 1);
            }

            total += len;
            longest = Math.Max(longest, len);
            if (r.Sum(c => p.Demands[c]) > p.Capacity || r.Count == 0)
            {
                return false;
            }
        }

        return routes.SelectMany(r => r).OrderBy(c => c).SequenceEqual(Enumerable.Range(0, p.Length))
            && Math.Abs(total - obj[0]) < 1e-9 && Math.Abs(longest - obj[1]) < 1e-9;
    }

    [Property(MaxTest = 100)]
    public bool Knapsack_evaluation_repairs_any_bit_vector_to_a_feasible_one(int seed)
    {
        var p = (KnapsackProblem)MocoInstances.Create(MocoProblemKind.BiKp, 50, Math.Abs(seed % 50), Root);
        var rng = new Seed((ulong)(uint)seed).CreateRng();
        var x = new int[p.Length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = rng.Next(2);
        }

        var before = (int[])x.Clone();
        var obj = new double[2];
        p.Evaluate(x, obj);
        bool subset = before.Zip(x).All(t => t.Second <= t.First);
        double v0 = Enumerable.Range(0, p.Length).Where(i => x[i] == 1).Sum(i => p.Values[0][i]);
        return p.Load(x) <= p.Capacity + 1e-12 && subset && Math.Abs(-obj[0] - v0) < 1e-9;
    }

    [Property(MaxTest = 100)]
    public bool Tsp_tour_length_is_the_sum_of_its_edges(int seed)
    {
        var p = (TspProblem)MocoInstances.Create(MocoProblemKind.TriTsp, 20, Math.Abs(seed % 20), Root);
        var x = RandomSolutions.Draw(p, new Seed((ulong)(uint)seed).CreateRng());
        var obj = new double[3];
        p.Evaluate(x, obj);
        for (int m = 0; m < 3; m++)
        {
            var c = p.Coordinates[m];
            double len = 0;
            for (int k = 0; k < x.Length; k++)
            {
                int a = x[k], b = x[(k + 1) % x.Length];
                len += Math.Sqrt(Math.Pow(c[2 * a] - c[2 * b], 2) + Math.Pow(c[2 * a + 1] - c[2 * b + 1], 2));
            }

            if (Math.Abs(len - obj[m]) > 1e-9)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Instances_depend_only_on_problem_size_and_index()
    {
        var a = (TspProblem)MocoInstances.Create(MocoProblemKind.BiTsp, 50, 7, Root);
        var b = (TspProblem)MocoInstances.Create(MocoProblemKind.BiTsp, 50, 7, Root);
        var c = (TspProblem)MocoInstances.Create(MocoProblemKind.BiTsp, 50, 8, Root);
        Assert.Equal(a.Coordinates[1], b.Coordinates[1]);
        Assert.NotEqual(a.Coordinates[1], c.Coordinates[1]);
    }

    [Fact]
    public void Specs_hold_pmoco_points_and_capacities()
    {
        Assert.Equal([65.0, 65.0], MocoSpecs.Get(MocoProblemKind.BiTsp, 100).Reference);
        Assert.Equal([30.0, 30.0, 30.0], MocoSpecs.Get(MocoProblemKind.TriTsp, 50).Reference);
        Assert.Equal(12.5, MocoSpecs.Get(MocoProblemKind.BiKp, 50).Capacity);
        Assert.Equal([-40.0, -40.0], MocoSpecs.Get(MocoProblemKind.BiKp, 200).Reference);
        Assert.Equal([40.0, 3.0], MocoSpecs.Get(MocoProblemKind.BiCvrp, 50).Reference);
        Assert.Equal(50.0, MocoSpecs.Get(MocoProblemKind.BiCvrp, 100).Capacity);
    }

    [Fact]
    public void Bad_input_gets_one_clear_error()
    {
        Assert.Contains("defines sizes 20, 50, 100; 30 is not one of them",
            Assert.Throws<ArgumentException>(() => MocoSpecs.Get(MocoProblemKind.BiTsp, 30)).Message);
        Assert.Contains("unknown MOCO problem 'quad-tsp'",
            Assert.Throws<ArgumentException>(() => MocoSpecs.ParseKind("quad-tsp")).Message);
        var spec = MocoSpecs.Get(MocoProblemKind.BiTsp, 20);
        var kpSpec0 = MocoSpecs.Get(MocoProblemKind.BiKp, 50);
        Assert.Contains("weight vector is empty",
            Assert.Throws<ArgumentException>(() => new Scalarization(ScalarizationKind.WeightedSum, [], spec)).Message);
        Assert.Contains("all zeros",
            Assert.Throws<ArgumentException>(() => new Scalarization(ScalarizationKind.WeightedSum, [0, 0], spec)).Message);
        Assert.Contains("3 entries but the problem has 2 objectives",
            Assert.Throws<ArgumentException>(() => new Scalarization(ScalarizationKind.WeightedSum, [1, 1, 1], spec)).Message);
        Assert.Contains("at least 2 objectives",
            Assert.Throws<ArgumentException>(() => WeightVectors.Spread(1, 20)).Message);
        Assert.Contains("infeasible knapsack capacity",
            Assert.Throws<ArgumentException>(() => new KnapsackProblem(kpSpec0, [0.5, 0.7], [[1, 1], [1, 1]], 0.2)).Message);
        Assert.Contains("infeasible CVRP capacity",
            Assert.Throws<ArgumentException>(() => new CvrpProblem(spec, [0, 0], [1, 1], [12], 10)).Message);
        Assert.Contains("defines 2 objectives, but 3 coordinate sets",
            Assert.Throws<ArgumentException>(() => new TspProblem(spec, [new double[40], new double[40], new double[40]])).Message);
        var kpSpec = MocoSpecs.Get(MocoProblemKind.BiKp, 50);
        Assert.Contains("defines 2 objectives over 2 items; got 1 value vectors",
            Assert.Throws<ArgumentException>(() => new KnapsackProblem(kpSpec, [0.5, 0.7], [[1, 1]], 5)).Message);
        var bad = spec with { Reference = [20, 0] };
        Assert.Contains("reference point must be worse than the ideal point",
            Assert.Throws<ArgumentException>(() => new Scalarization(ScalarizationKind.WeightedSum, [1, 1], bad)).Message);
    }

    [Fact]
    public void Tchebycheff_is_the_weighted_max_of_normalized_objectives()
    {
        var spec = MocoSpecs.Get(MocoProblemKind.BiTsp, 20); // ideal 0, reference 20
        var s = new Scalarization(ScalarizationKind.Tchebycheff, [0.25, 0.75], spec);
        Assert.Equal(Math.Max(0.25 * 10 / 20.0, 0.75 * 4 / 20.0), s.Cost([10, 4]), 15);
        var ws = new Scalarization(ScalarizationKind.WeightedSum, [1, 3], spec);
        Assert.Equal(0.25 * 0.5 + 0.75 * 0.2, ws.Cost([10, 4]), 15);
    }
}
