using System.CommandLine;

namespace Almab.Experiments.Cli;

/// <summary>
/// Builds the root command and maps failures to exit codes: a parse error or <see cref="UsageException"/>
/// prints one line "almab: error: ..." and returns 2; any other exception during a run returns 1.
/// </summary>
public static class CliHost
{
    /// <summary>Runs the command line against the given verbs and writers.</summary>
    public static int Run(IReadOnlyList<ICliVerb> verbs, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Almab: simulate, benchmark and report sequential design, bandit and distributed optimization experiments in virtual time.");
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb.Build());
        }

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // All parse errors on one line: the first alone can point at the wrong token.
            var messages = parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct(StringComparer.Ordinal);
            stderr.WriteLine("almab: error: " + string.Join("; ", messages) + " (see --help)");
            return 2;
        }

        try
        {
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            return parse.Invoke(config);
        }
        catch (UsageException e)
        {
            stderr.WriteLine("almab: error: " + e.Message);
            return 2;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("almab: cancelled; results written so far are kept (rerun with --resume).");
            return 130;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Parallel loops wrap the cell's exception; its own message is the one line worth printing.
            var cause = e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;
            stderr.WriteLine("almab: failed: " + cause.Message);
            return 1;
        }
    }
}
