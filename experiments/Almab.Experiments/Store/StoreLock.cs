namespace Almab.Experiments.Store;

/// <summary>
/// The one-writer lock of a results database: an exclusive lock on the file <c>&lt;database&gt;.lock</c> beside it
/// (on Linux an advisory <c>flock</c>, which .NET takes for <see cref="FileShare.None"/>). The operating system drops it
/// when the holder exits, however it exits (kill -9 included), so a stale lock never blocks a later run; the file itself
/// stays behind and means nothing without a holder. Decision (issue 18): two processes writing one database do not
/// both proceed — SQLite would serialize their transactions safely, but both would run the same missing cells and the
/// second's inserts would fail as duplicates — so the second refuses at once with one line.
/// </summary>
public sealed class StoreLock : IDisposable
{
    private readonly FileStream _stream;

    private StoreLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>Path of the lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock of <paramref name="databasePath"/>, or throws <see cref="StoreLockedException"/> if another process holds it.</summary>
    public static StoreLock Acquire(string databasePath)
    {
        string path = databasePath + ".lock";
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return new StoreLock(stream, path);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException && File.Exists(path) && IsSharingViolation(e))
        {
            throw new StoreLockedException(
                $"{databasePath} is in use by another almab process (lock {path}); wait for it to finish, or use another --out", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    // .NET reports a lock held elsewhere as an IOException whose HResult is EWOULDBLOCK (11) on Linux, 35 on macOS,
    // or ERROR_SHARING_VIOLATION (0x80070020) on Windows; anything else (read-only file system, disk full) is rethrown as is.
    private static bool IsSharingViolation(IOException e) => e.HResult is 11 or 35 or unchecked((int)0x80070020);
}
