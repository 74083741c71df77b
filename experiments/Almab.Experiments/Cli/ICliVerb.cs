using System.CommandLine;

namespace Almab.Experiments.Cli;

/// <summary>One verb of the <c>almab</c> command line (run, list, scaling, report...), one class per verb.</summary>
public interface ICliVerb
{
    /// <summary>Builds the System.CommandLine command with its options and action.</summary>
    Command Build();
}
