using Almab.Experiments.Cli;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Papers.Moco;

/// <summary>
/// The cells of one <c>almab moco</c> run. Main cells: every (problem, method, instance) with the method's budget
/// (<see cref="MocoMethods.Budget"/>; ParEGO only on the small sizes). Extra cells: where ParEGO's budget is smaller
/// than the others', each budget-aware method (<see cref="MocoMethods.UsesBudget"/>) once more with ParEGO's budget,
/// so the equal-budget comparison (<see cref="MocoBudgetTable"/>) never reads a truncated D&amp;L run.
/// </summary>
public sealed record MocoGrid(IReadOnlyList<CellKey> Main, IReadOnlyList<CellKey> Extra, IReadOnlyList<string> Skipped)
{
    /// <summary>Every cell, main first.</summary>
    public IEnumerable<CellKey> All => Main.Concat(Extra);

    public static MocoGrid Build(IReadOnlyList<string> problems, IReadOnlyList<string> methods, int workers, double noise, int instances, int paregoDivisor)
    {
        var main = new List<CellKey>();
        var extra = new List<CellKey>();
        var skipped = new List<string>();
        foreach (string p in problems)
        {
            var spec = MocoMethods.ParseProblem(p);
            foreach (var group in methods.Where(m => MocoMethods.Runs(m, spec)).GroupBy(m => MocoMethods.Budget(m, spec, paregoDivisor)))
            {
                main.AddRange(new GridSpec(p, [.. group], [workers], [group.Key], [noise], instances).Expand());
            }

            skipped.AddRange(methods.Where(m => !MocoMethods.Runs(m, spec)).Select(m => $"{m} on {p}"));
            int paregoBudget = MocoMethods.Budget("parego", spec, paregoDivisor);
            var aware = methods.Where(MocoMethods.UsesBudget).ToArray();
            if (methods.Contains("parego") && MocoMethods.Runs("parego", spec) && paregoBudget < spec.Budget && aware.Length > 0)
            {
                extra.AddRange(new GridSpec(p, [.. aware], [workers], [paregoBudget], [noise], instances).Expand());
            }
        }

        if (main.Count == 0)
        {
            throw new UsageException($"nothing to run: {string.Join(", ", skipped)} (parego runs on the small sizes only: bi-tsp-20, tri-tsp-20, bi-kp-50, bi-cvrp-20)");
        }

        return new MocoGrid(main, extra, skipped);
    }
}
