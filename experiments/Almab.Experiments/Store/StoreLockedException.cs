namespace Almab.Experiments.Store;

/// <summary>Another process holds the results database's <see cref="StoreLock"/>.</summary>
public sealed class StoreLockedException : IOException
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public StoreLockedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
