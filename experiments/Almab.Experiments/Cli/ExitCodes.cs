namespace Almab.Experiments.Cli;

/// <summary>Process exit codes of the <c>almab</c> command line (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The run failed (I/O error, disk full, unwritable output, a method's failure): one line on stderr.</summary>
    public const int Failure = 1;

    /// <summary>Bad command line, configuration or input file: one line on stderr.</summary>
    public const int Usage = 2;

    /// <summary>
    /// Interrupted by SIGTERM or SIGINT: the replicates in flight were finished and written, the database was
    /// checkpointed, and the same command with <c>--resume</c> continues it (sysexits' EX_TEMPFAIL, "try again later").
    /// </summary>
    public const int Interrupted = 75;
}
