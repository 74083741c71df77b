// Runs ALMAB-DC (UCB) on a case's K = 1 cell with the same seeds as `almab run` and reports how the bandit layer's
// shortlist choices went: decisions, decisions whose five shortlisted candidates all lay in one region (the bandit then
// cannot change the acquisition's top choice), and decisions where it picked another candidate than the top one.
// Usage: dotnet run -c Release --project bench/ShortlistDiagnostics -- [replicates] [case ...]
using System.Globalization;
using Almab.Algorithms.Optimizers.AlmabDc;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Runner;

int replicates = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
string[] cases = args.Length > 1 ? args[1..] : ["case1-hpo", "case1-hpo-global-basin", "case2-airfoil", "case2-airfoil-global-basin", "case3-rl", "case3-rl-global-basin"];
var registry = MethodRegistry.Default;
var known = registry.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
Console.WriteLine($"ALMAB-DC (UCB), K = 1, {replicates} replicates per case, root seed 20260101 (as `almab run`)");
Console.WriteLine("| case | decisions | all five in one region | bandit picked another than the acquisition's top |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (string id in cases)
{
    var definition = CaseLoader.Load(CaseCatalog.Default.Resolve(id), known);
    long choices = 0, oneRegion = 0, overrides = 0;
    var runner = new CaseCellRunner(new Dictionary<string, CaseDefinition> { [definition.Id] = definition }, registry, new Seed(20260101))
    {
        OnOptimizerDone = (_, optimizer) =>
        {
            var d = ((AlmabDcOptimizer)optimizer).Diagnostics;
            choices += d.Choices;
            oneRegion += d.OneRegion;
            overrides += d.Overrides;
        },
    };
    double noise = CaseLoader.NoiseLevels(definition)[0];
    for (int r = 0; r < replicates; r++)
    {
        runner.Run(new CellKey(definition.Id, "almab-dc-ucb", 1, definition.Budget[0], noise, r), CancellationToken.None);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {id} | {choices} | {oneRegion} ({100.0 * oneRegion / choices:0.0} %) | {overrides} ({100.0 * overrides / choices:0.0} %) |"));
}
