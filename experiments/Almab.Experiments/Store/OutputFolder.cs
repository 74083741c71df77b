namespace Almab.Experiments.Store;

/// <summary>Checks, before a run opens or creates anything, that its output folder can be written.</summary>
public static class OutputFolder
{
    /// <summary>
    /// Creates <paramref name="folder"/> if needed and writes and deletes a probe file in it; an unwritable folder
    /// (permissions, a read-only file system) raises one <see cref="IOException"/> naming it, before any database is opened.
    /// </summary>
    public static void EnsureWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, $".almab-write-probe-{Environment.ProcessId}");
            File.WriteAllBytes(probe, [0]);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write to the output folder {folder} ({e.Message.TrimEnd('.')}); nothing in it was changed", e);
        }
    }
}
