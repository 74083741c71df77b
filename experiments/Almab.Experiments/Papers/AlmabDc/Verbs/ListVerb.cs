using System.CommandLine;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Papers.AlmabDc.Verbs;

/// <summary><c>almab list</c>: the cases shipped with Almab (id, title, paper section, methods) and every method.</summary>
public sealed class ListVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var command = new Command("list", "List the benchmark cases and the methods that can run on them.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var registry = MethodRegistry.Default;
            var known = registry.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            output.WriteLine("Cases (almab run <case>):");
            foreach (string id in CaseCatalog.Default.Ids())
            {
                var c = CaseLoader.Load(CaseCatalog.Default.Resolve(id), known);
                string source = c.Source.Table is null ? $"paper {c.Source.Paper} §{c.Source.Section}" : $"paper {c.Source.Paper} §{c.Source.Section}, {c.Source.Table}";
                output.WriteLine($"  {c.Id,-34} {c.Title}");
                output.WriteLine($"  {"",-34} {source}; metric {c.Metric}; K = {string.Join(",", c.Cluster.Workers)}; methods: {string.Join(", ", c.Methods)}");
            }

            output.WriteLine();
            output.WriteLine("Methods (--methods a,b,...):");
            foreach (var m in registry.All)
            {
                output.WriteLine($"  {m.Id,-22} {m.Description}");
            }

            return 0;
        });
        return command;
    }
}
