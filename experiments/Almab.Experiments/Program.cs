using Almab.Experiments.Cli;
using Almab.Experiments.Papers;
using Almab.Experiments.Verbs;

namespace Almab.Experiments;

/// <summary>Entry point of the <c>almab</c> command-line program.</summary>
public static class Program
{
    /// <summary>
    /// Every verb, in help order: each paper's verbs (<see cref="PaperCatalog"/>), then the shared ones that work on
    /// any results database. Adding a verb = one class + one line in its paper (or here, if it is shared).
    /// </summary>
    internal static IReadOnlyList<ICliVerb> Verbs { get; } =
    [
        .. PaperCatalog.All.SelectMany(p => p.Verbs),
        new CompareVerb(),
        new MergeVerb(),
        new ExportVerb(),
        new DiffVerb(),
        new VersusVerb(),
    ];

    /// <summary>Parses and runs; exit 0 success, 1 run failure, 2 usage or configuration error.</summary>
    public static int Main(string[] args) => CliHost.Run(Verbs, args, Console.Out, Console.Error);
}
