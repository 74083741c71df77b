using Almab.Algorithms.MultiObjective.DivideAndLearn;
using Almab.Algorithms.MultiObjective.Indicators;
using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.MultiObjective.Search;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.MultiObjective;

/// <summary>Search methods propose valid solutions, are deterministic per seed, and select like DEAP's selNSGA2.</summary>
public sealed class SearchTests
{
    private static readonly Seed Root = new(7);

    internal static (ParetoArchive Archive, List<int[]> Asked) Run(IMocoSearch search, IMocoProblem problem, int budget)
    {
        var archive = new ParetoArchive(problem.ObjectiveCount);
        var asked = new List<int[]>();
        var obj = new double[problem.ObjectiveCount];
        for (int e = 0; e < budget; e++)
        {
            var x = search.Ask();
            problem.Evaluate(x, obj);
            asked.Add((int[])x.Clone());
            archive.Offer(obj, x);
            search.Tell(x, obj);
        }

        return (archive, asked);
    }

    public static IEnumerable<object[]> Methods() =>
        from kind in new[] { MocoProblemKind.BiTsp, MocoProblemKind.BiKp, MocoProblemKind.BiCvrp, MocoProblemKind.TriTsp }
        from method in new[] { "dl", "dl-ts", "nsga2", "random", "parego" }
        select new object[] { kind, method };

    internal static IMocoSearch Create(string method, IMocoProblem p, int budget, Seed instance) => method switch
    {
        "dl" => new DivideAndLearn(p, DlConfig.ForScale(p.Spec.Scale), budget, instance, instance.Derive("dl")),
        "dl-ts" => new DivideAndLearn(p, DlConfig.ForScale(p.Spec.Scale, thompson: true), budget, instance, instance.Derive("dl-ts")),
        "nsga2" => new Nsga2(p, instance, instance.Derive("nsga2")),
        "parego" => new ParEgo(p, instance, instance.Derive("parego")),
        _ => new RandomSearch(p, instance, instance.Derive("random")),
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Asks_are_valid_and_runs_are_deterministic(MocoProblemKind kind, string method)
    {
        int size = MocoSpecs.Sizes(kind)[0];
        var p = MocoInstances.Create(kind, size, 0, Root);
        var seed = Root.Derive("inst0");
        var (a1, asked) = Run(Create(method, p, 1500, seed), p, 1500);
        var (a2, _) = Run(Create(method, p, 1500, seed), p, 1500);
        Assert.Equal(a1.Flatten(), a2.Flatten());
        foreach (var x in asked)
        {
            if (p.Encoding == MocoEncoding.Permutation)
            {
                Assert.Equal(Enumerable.Range(0, p.Length), x.OrderBy(c => c));
            }
            else
            {
                Assert.True(((KnapsackProblem)p).Load(x) <= ((KnapsackProblem)p).Capacity + 1e-12);
            }
        }
    }

    [Fact]
    public void Learning_methods_beat_random_search_on_bi_tsp_20()
    {
        var p = MocoInstances.Create(MocoProblemKind.BiTsp, 20, 1, Root);
        var ratio = new HypervolumeRatio(p.Spec.Ideal, p.Spec.Reference);
        var seed = Root.Derive("inst1");
        double Hv(string m)
        {
            var (archive, _) = Run(Create(m, p, 5000, seed), p, 5000);
            return ratio.Compute(archive.Flatten(), archive.Count);
        }

        double random = Hv("random");
        Assert.True(Hv("dl") > random + 0.05);
        Assert.True(Hv("nsga2") > random + 0.05);
    }

    [Theory]
    [MemberData(nameof(DeapFixtures.SelectionNames), MemberType = typeof(DeapFixtures))]
    public void Environmental_selection_matches_deap_selNSGA2(string name)
    {
        var c = DeapFixtures.Get(name);
        var chosen = Nsga2Selection.Select(c.Points, c.Count, c.M, c.SelectK!.Value, new int[c.Count], new double[c.Count]);
        Assert.Equal(c.Selected, chosen.OrderBy(i => i));
    }
}
