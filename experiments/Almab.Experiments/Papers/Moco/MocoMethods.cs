using Almab.Algorithms.MultiObjective.DivideAndLearn;
using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.MultiObjective.Search;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Moco;

/// <summary>
/// The MOCO methods by name. Black-box methods (ask/tell on the simulated cluster, equal budgets): dl (D&amp;L with UCB),
/// dl-ts (Thompson sampling, FTRL off, decay 0.995), nsga2, random, and the single-expert ablations dl-ucb, dl-exp3,
/// dl-ftrl (section 11.3: D&amp;L with one expert alone), and dl-norefine (D&amp;L without LocalRefine: every evaluation is an
/// expert construction; Almab's own ablation, to show how much of D&amp;L's progress the experts make). Specialised reference: ws — WS-DP for the knapsack, WS-2opt
/// (standing in for WS-LKH) for TSP and CVRP; it is a solver, not budgeted in black-box evaluations.
/// </summary>
public static class MocoMethods
{
    public static IReadOnlyList<string> All { get; } = ["ws", "dl", "dl-ts", "nsga2", "random", "dl-ucb", "dl-exp3", "dl-ftrl", "dl-norefine"];

    /// <summary>The methods of the default table: the reference, both D&amp;L variants, NSGA-II, random, and the ablations.</summary>
    public static IReadOnlyList<string> Default => All;

    public static bool IsSpecialised(string method) => method == "ws";

    /// <summary>Checks a method name; unknown names are a usage error listing the valid ones.</summary>
    public static void Check(string method)
    {
        if (!All.Contains(method))
        {
            throw new UsageException($"unknown MOCO method '{method}'; expected one of {string.Join(", ", All)}");
        }
    }

    /// <summary>Creates a black-box method.</summary>
    public static IMocoSearch Create(string method, IMocoProblem problem, int budget, Seed instanceSeed)
    {
        var seed = instanceSeed.Derive(method);
        var scale = problem.Spec.Scale;
        DlConfig Single(DlExperts e) => DlConfig.ForScale(scale) with { Experts = e, Name = method };
        return method switch
        {
            "dl" => new DivideAndLearn(problem, DlConfig.ForScale(scale), budget, instanceSeed, seed),
            "dl-ts" => new DivideAndLearn(problem, DlConfig.ForScale(scale, thompson: true), budget, instanceSeed, seed),
            "dl-ucb" => new DivideAndLearn(problem, Single(DlExperts.Acquisition), budget, instanceSeed, seed),
            "dl-exp3" => new DivideAndLearn(problem, Single(DlExperts.Exp3), budget, instanceSeed, seed),
            "dl-ftrl" => new DivideAndLearn(problem, Single(DlExperts.Ftrl), budget, instanceSeed, seed),
            "dl-norefine" => new DivideAndLearn(problem, DlConfig.ForScale(scale) with { Rounds = 0, Name = method }, budget, instanceSeed, seed),
            "nsga2" => new Nsga2(problem, instanceSeed, seed),
            "random" => new RandomSearch(problem, instanceSeed, seed),
            _ => throw new UsageException($"'{method}' is not a black-box MOCO method"),
        };
    }

    /// <summary>The specialised solver's solutions.</summary>
    public static List<int[]> Specialised(IMocoProblem problem) =>
        problem is KnapsackProblem kp ? WeightedSumDp.Solve(kp) : WeightedSumTwoOpt.Solve(problem);

    /// <summary>Parses "bi-tsp-20" into (kind, size); undefined problems or sizes are usage errors.</summary>
    public static MocoSpec ParseProblem(string id)
    {
        int dash = id.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(id[(dash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int size))
        {
            throw new UsageException($"MOCO problem '{id}' must look like bi-tsp-20 (family-size)");
        }

        try
        {
            return MocoSpecs.Get(MocoSpecs.ParseKind(id[..dash]), size);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Lower-case id of a spec: "bi-tsp-20".</summary>
    public static string Id(MocoSpec spec) => spec.Label.ToLowerInvariant();
}
