using System.CommandLine;
using Almab.Experiments.Cli;
using Almab.Experiments.Verbs;

namespace Almab.Experiments;

/// <summary>Entry point of the <c>almab</c> command-line program.</summary>
public static class Program
{
    /// <summary>Every verb, in help order. Adding a verb = one class + one line here.</summary>
    internal static IReadOnlyList<ICliVerb> Verbs { get; } =
    [
        new ListVerb(),
        new RunVerb(),
        new ScalingVerb(),
        new ClaimsVerb(),
        new CompareVerb(),
        new ReportVerb(),
        new AtaVerb(),
        new MergeVerb(),
        new ExportVerb(),
    ];

    /// <summary>Parses and runs; exit 0 success, 1 run failure, 2 usage or configuration error.</summary>
    public static int Main(string[] args) => CliHost.Run(Verbs, args, Console.Out, Console.Error);
}
