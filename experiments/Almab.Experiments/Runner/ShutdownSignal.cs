using System.Runtime.InteropServices;

namespace Almab.Experiments.Runner;

/// <summary>
/// Turns SIGTERM (what Slurm and most schedulers send before killing a job) and SIGINT (Ctrl+C) into a cancellation
/// request instead of an immediate exit: the runner then starts no new cell, lets the cells in flight finish, writes
/// their transactions, checkpoints the database and exits with <see cref="Cli.ExitCodes.Interrupted"/>. A second signal
/// while that drain is going on is not intercepted, so it ends the process at once (every committed replicate is still
/// whole: each is one SQLite transaction).
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    /// <summary>Starts listening for SIGTERM and SIGINT.</summary>
    public ShutdownSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
        ];
    }

    /// <summary>Cancelled when the first signal arrives.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Name of the first signal received ("SIGTERM" or "SIGINT"), or null.</summary>
    public string? Received { get; private set; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }

        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Exchange(ref _received, 1) == 1)
        {
            return; // second signal: default action (terminate)
        }

        context.Cancel = true;
        Received = context.Signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT";
        _source.Cancel();
    }
}
