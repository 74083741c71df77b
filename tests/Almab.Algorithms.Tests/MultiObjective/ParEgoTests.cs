using Almab.Algorithms.MultiObjective.Indicators;
using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.MultiObjective.Search;
using Almab.Algorithms.Randomness;

namespace Almab.Algorithms.Tests.MultiObjective;

/// <summary>ParEGO: the augmented Tchebycheff function by hand, the encoding's round trip and feasibility, determinism.</summary>
public sealed class ParEgoTests
{
    private static readonly Seed Root = new(11);

    [Fact]
    public void Augmented_tchebycheff_matches_a_hand_computed_case()
    {
        // f̃ = ((3−1)/4, (5−1)/8) = (0.5, 0.5); λ f̃ = (0.15, 0.35); max 0.35 + 0.05 × (0.15 + 0.35) = 0.375.
        Assert.Equal(0.375, AugmentedTchebycheff.Value([3, 5], [0.3, 0.7], [1, 1], [5, 9]), 15);
        // ρ = 0 is the plain Tchebycheff max; a zero range counts as 1: f̃ = (4 − 4)/1 = 0 and (2 − 0)/4 = 0.5.
        Assert.Equal(0.35, AugmentedTchebycheff.Value([3, 5], [0.3, 0.7], [1, 1], [5, 9], rho: 0.0), 15);
        Assert.Equal(0.25 + 0.05 * 0.25, AugmentedTchebycheff.Value([4, 2], [0.5, 0.5], [4, 0], [4, 4]), 15);
    }

    [Fact]
    public void Augmentation_separates_a_weakly_dominated_point()
    {
        // Same Tchebycheff max (0.25) for both; only the augmented term ranks the dominating point first.
        double a = AugmentedTchebycheff.Value([0.5, 0.2], [0.5, 0.5], [0, 0], [1, 1]);
        double b = AugmentedTchebycheff.Value([0.5, 0.4], [0.5, 0.5], [0, 0], [1, 1]);
        Assert.Equal(0.25 + 0.05 * 0.35, a, 15);
        Assert.True(a < b);
        Assert.Throws<ArgumentException>(() => AugmentedTchebycheff.Value([1, 2], [1.0], [0, 0], [1, 1]));
    }

    public static IEnumerable<object[]> Problems() =>
        new[] { MocoProblemKind.BiTsp, MocoProblemKind.TriTsp, MocoProblemKind.BiKp, MocoProblemKind.BiCvrp }.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Problems))]
    public void Encoding_round_trips_and_any_vector_decodes_to_a_feasible_solution(MocoProblemKind kind)
    {
        var p = MocoInstances.Create(kind, MocoSpecs.Sizes(kind)[0], 3, Root);
        var rng = Root.Derive("encoding").Derive(kind.ToString()).CreateRng();
        var back = new int[p.Length];
        var x = new double[p.Length];
        var obj = new double[p.ObjectiveCount];
        for (int t = 0; t < 300; t++)
        {
            var s = RandomSolutions.Draw(p, rng);
            SolutionEncoding.Decode(p, SolutionEncoding.Encode(p, s), back);
            Assert.Equal(s, back);

            // Arbitrary vectors: uniform, wide Gaussian, and heavy ties (values from {0, 1}).
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = (t % 3) switch { 0 => rng.NextDouble(), 1 => 100 * rng.NextGaussian(), _ => rng.Next(2) };
            }

            SolutionEncoding.Decode(p, x, back);
            AssertFeasible(p, back);
            var copy = (int[])back.Clone();
            p.Evaluate(copy, obj);
            Assert.Equal(back, copy); // feasible already: the problem's repair changes nothing
        }

        x[0] = double.NaN;
        Assert.Throws<ArgumentException>(() => SolutionEncoding.Decode(p, x, back));
    }

    [Fact]
    public void Permutation_encoding_is_the_scaled_position()
    {
        var p = MocoInstances.Create(MocoProblemKind.BiTsp, 20, 0, Root);
        var tour = Enumerable.Range(0, 20).Reverse().ToArray(); // city 19 first, city 0 last
        var x = SolutionEncoding.Encode(p, tour);
        Assert.Equal(1.0, x[0]);
        Assert.Equal(0.0, x[19]);
        Assert.Equal(5.0 / 19.0, x[14], 15);
    }

    internal static void AssertFeasible(IMocoProblem p, int[] s)
    {
        switch (p)
        {
            case KnapsackProblem kp:
                Assert.All(s, v => Assert.InRange(v, 0, 1));
                Assert.True(kp.Load(s) <= kp.Capacity);
                break;
            case CvrpProblem cvrp:
                Assert.Equal(Enumerable.Range(0, p.Length), s.Order());
                Assert.All(cvrp.Split(s), route => Assert.True(route.Sum(c => cvrp.Demands[c]) <= cvrp.Capacity));
                break;
            default:
                Assert.Equal(Enumerable.Range(0, p.Length), s.Order());
                break;
        }
    }

    [Fact]
    public void Runs_are_deterministic_per_seed_never_repeat_a_solution_and_cap_the_model()
    {
        var p = MocoInstances.Create(MocoProblemKind.BiKp, 50, 2, Root);
        var instance = Root.Derive("inst2");
        var one = new ParEgo(p, instance, instance.Derive("parego"));
        var (a1, asked1) = SearchTests.Run(one, p, 400);
        var (a2, asked2) = SearchTests.Run(new ParEgo(p, instance, instance.Derive("parego")), p, 400);
        var (_, asked3) = SearchTests.Run(new ParEgo(p, instance, instance.Derive("other")), p, 400);
        Assert.Equal(asked1, asked2);
        Assert.Equal(a1.Flatten(), a2.Flatten());
        Assert.NotEqual(asked1.Skip(50), asked3.Skip(50)); // same shared initial design, different model-based asks
        Assert.Equal(asked1.Count, asked1.Distinct(new ArrayComparer()).Count());
        Assert.InRange(one.ModelPoints, 80, 100); // the 80 most recent plus those of the 20 best not among them
        Assert.Equal(4, one.HyperparameterFits); // asks 51, 151, 251, 351
        Assert.Equal(11, one.Lattice.Count); // Knowles: s = 10 for two objectives
        Assert.Equal(15, new ParEgo(MocoInstances.Create(MocoProblemKind.TriTsp, 20, 0, Root), instance, instance).Lattice.Count);
    }

    [Fact]
    public void The_model_beats_random_search_at_equal_budget()
    {
        // Three paired instances of Bi-TSP-20, 600 evaluations each (50 shared random + 550 model-based).
        for (int i = 0; i < 3; i++)
        {
            var p = MocoInstances.Create(MocoProblemKind.BiTsp, 20, i, Root);
            var ratio = new HypervolumeRatio(p.Spec.Ideal, p.Spec.Reference);
            var seed = Root.Derive("beat").Derive(i);
            var (pe, _) = SearchTests.Run(new ParEgo(p, seed, seed.Derive("parego")), p, 600);
            var (rs, _) = SearchTests.Run(new RandomSearch(p, seed, seed.Derive("random")), p, 600);
            Assert.True(ratio.Compute(pe.Flatten(), pe.Count) > ratio.Compute(rs.Flatten(), rs.Count) + 0.03, $"instance {i}");
        }
    }

    private sealed class ArrayComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x!.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj) => obj.Aggregate(17, (h, v) => h * 31 + v);
    }
}
