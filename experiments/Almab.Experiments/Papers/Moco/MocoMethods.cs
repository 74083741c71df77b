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
/// (standing in for WS-LKH) for TSP and CVRP; it is a solver, not budgeted in black-box evaluations. parego
/// (<see cref="ParEgo"/>, GP + random augmented Tchebycheff weights) runs on the small sizes only (n = 20 TSP/CVRP,
/// n = 50 knapsack) with a tenth of the others' budget by default (<see cref="DefaultParEgoDivisor"/>): its GP makes an
/// evaluation about a thousand times dearer; the report compares every method at that smaller budget too.
/// </summary>
public static class MocoMethods
{
    public static IReadOnlyList<string> All { get; } = ["ws", "dl", "dl-ts", "nsga2", "random", "parego", "dl-ucb", "dl-exp3", "dl-ftrl", "dl-norefine"];

    /// <summary>The methods of the default table: the reference, both D&amp;L variants, NSGA-II, random, and the ablations.</summary>
    public static IReadOnlyList<string> Default => All;

    public static bool IsSpecialised(string method) => method == "ws";

    /// <summary>
    /// ParEGO's default budget is the problem's budget divided by this (1,700 for n = 20, 1,000 for Bi-KP-50): at the
    /// full budget one Bi-TSP-20 instance costs about 10 CPU s against 0.04 s for NSGA-II and 0.16 s for D&amp;L, which would raise the default
    /// table from about 80 to about 400 CPU s on a shared 2-core machine with a 10-minute target. <c>--parego-divisor 1</c> gives it the full budget.
    /// </summary>
    public const int DefaultParEgoDivisor = 10;

    /// <summary>Divisors allowed for ParEGO's budget: those of the 40 trace checkpoints, so every other method's HV at
    /// ParEGO's budget is read at exactly that evaluation count.</summary>
    public static IReadOnlyList<int> ParEgoDivisors { get; } = [1, 2, 4, 5, 8, 10, 20, 40];

    /// <summary>Whether a black-box method reads its budget (the D&amp;L family splits it over its weight vectors), so
    /// its trace at fewer evaluations is not what a run with that budget would give. NSGA-II, random and ParEGO are anytime.</summary>
    public static bool UsesBudget(string method) => method.StartsWith("dl", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="method"/> runs on <paramref name="spec"/>: parego only on the small sizes.</summary>
    public static bool Runs(string method, MocoSpec spec) => method != "parego" || spec.Scale == MocoScale.Small;

    /// <summary>Evaluations per instance of a black-box method on <paramref name="spec"/> (parego: budget / divisor).</summary>
    public static int Budget(string method, MocoSpec spec, int paregoDivisor = DefaultParEgoDivisor)
    {
        if (!ParEgoDivisors.Contains(paregoDivisor))
        {
            throw new UsageException($"--parego-divisor: must be one of {string.Join(", ", ParEgoDivisors)} (divisors of the {MocoCellRunner.Checkpoints} trace checkpoints), got {paregoDivisor}");
        }

        return method == "parego" ? spec.Budget / paregoDivisor : spec.Budget;
    }

    /// <summary>Checks a method name; unknown names are a usage error listing the valid ones.</summary>
    public static void Check(string method)
    {
        if (!All.Contains(method))
        {
            throw new UsageException($"unknown MOCO method '{method}'; expected one of {string.Join(", ", All)}");
        }
    }

    /// <summary>Creates a black-box method; <paramref name="weights"/> (null = the spread default) are D&amp;L's weight vectors.</summary>
    public static IMocoSearch Create(string method, IMocoProblem problem, int budget, Seed instanceSeed, IReadOnlyList<double[]>? weights = null)
    {
        var seed = instanceSeed.Derive(method);
        var scale = problem.Spec.Scale;
        IMocoSearch Dl(DlConfig c) => new DivideAndLearn(problem, c with { Weights = weights }, budget, instanceSeed, seed);
        DlConfig Single(DlExperts e) => DlConfig.ForScale(scale) with { Experts = e, Name = method };
        return method switch
        {
            "dl" => Dl(DlConfig.ForScale(scale)),
            "dl-ts" => Dl(DlConfig.ForScale(scale, thompson: true)),
            "dl-ucb" => Dl(Single(DlExperts.Acquisition)),
            "dl-exp3" => Dl(Single(DlExperts.Exp3)),
            "dl-ftrl" => Dl(Single(DlExperts.Ftrl)),
            "dl-norefine" => Dl(DlConfig.ForScale(scale) with { Rounds = 0, Name = method }),
            "nsga2" => new Nsga2(problem, instanceSeed, seed),
            "random" => new RandomSearch(problem, instanceSeed, seed),
            "parego" when problem.Spec.Scale == MocoScale.Small => new ParEgo(problem, instanceSeed, seed),
            "parego" => throw new UsageException($"parego runs on the small sizes only (n = 20 TSP/CVRP, n = 50 knapsack), not {problem.Spec.Label}"),
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
