using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Tests.Verbs;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = CliHost.Run(Program.Verbs, args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
