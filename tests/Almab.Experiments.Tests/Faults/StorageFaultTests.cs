using Almab.Experiments.Cli;
using Almab.Experiments.Store;
using Almab.Experiments.Tests.Store;
using Almab.Experiments.Tests.Verbs;
using Microsoft.Data.Sqlite;

namespace Almab.Experiments.Tests.Faults;

/// <summary>
/// Storage faults (issue 18): an unwritable output folder, a full disk (a tiny tmpfs) and a database from a newer schema
/// each give one clear line and a non-zero exit, and the existing database is checksummed intact before and after.
/// The tmpfs tests need root (CI runs as root) and are skipped, saying so, otherwise.
/// </summary>
public sealed class StorageFaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-storage-").FullName;
    private bool _mounted;

    public void Dispose()
    {
        if (_mounted)
        {
            Posix.Sh("umount", "-l", _dir);
        }

        if (!Posix.IsRoot && !OperatingSystem.IsWindows() && Directory.Exists(Folder))
        {
            File.SetUnixFileMode(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_dir, recursive: true);
    }

    private string Folder => Path.Combine(_dir, "case5-spatial-field");

    private string Db => Path.Combine(Folder, "results.db");

    private string[] Args(int replicates, params string[] extra) =>
        ["run", "case5-spatial-field", "--methods", "lhs", "--replicates", replicates.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--threads", "2", "--out", _dir, "--no-report", "--no-progress", .. extra];

    private void MountTmpfs(string size)
    {
        Posix.Sh("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", _dir);
        _mounted = true;
    }

    private static void AssertOneLineFailure(int exit, string error, params string[] anyOf)
    {
        Assert.True(exit == ExitCodes.Failure, $"exit {exit}: {error}");
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("almab: failed:", error);
        Assert.True(anyOf.Any(a => error.Contains(a, StringComparison.OrdinalIgnoreCase)), error);
    }

    [Fact]
    public void An_unwritable_output_folder_fails_with_one_line_and_leaves_the_database_intact()
    {
        if (Posix.IsRoot)
        {
            MountTmpfs("4m"); // root ignores permission bits: a read-only remount is what stops it
        }

        Assert.Equal(0, CliRunner.Run(Args(3)).Exit);
        string before = Posix.Checksum(Db);
        if (Posix.IsRoot)
        {
            Posix.Sh("mount", "-o", "remount,ro", _dir);
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var (exit, _, error) = AlmabProcess.Run(Args(10, "--resume"));
        AssertOneLineFailure(exit, error, "cannot write to the output folder");
        Assert.Equal(before, Posix.Checksum(Db));
    }

    [RootFact]
    public void A_full_disk_fails_with_one_line_and_leaves_the_database_intact()
    {
        MountTmpfs("2m");
        Assert.Equal(0, CliRunner.Run(Args(3)).Exit);
        string before = Posix.Checksum(Db);
        List<ReplicateResult> stored;
        using (var store = ResultStore.Open(Db, create: false))
        {
            stored = store.ReadAll().ToList();
        }

        // Nothing free, a few pages free (the database opens but SQLite cannot grow its log), then room for a
        // few replicates: every time one line, exit 1, and the replicates stored before are all still there.
        foreach (long free in new long[] { 0, 16 << 10, 96 << 10 })
        {
            string filler = Path.Combine(_dir, "filler");
            using (var f = File.Create(filler))
            {
                f.SetLength(0);
                long fill = Math.Max(0, Posix.FreeBytes(_dir) - free);
                var block = new byte[1 << 16];
                for (long written = 0; written < fill;)
                {
                    int n = (int)Math.Min(block.Length, fill - written);
                    try
                    {
                        f.Write(block, 0, n);
                    }
                    catch (IOException)
                    {
                        break; // the tmpfs is full
                    }

                    written += n;
                }
            }

            var (exit, _, error) = AlmabProcess.Run(Args(400, "--resume"));
            File.Delete(filler);
            AssertOneLineFailure(exit, error, "disk is full", "No space left", "disk I/O error");
            if (free < 64 << 10)
            {
                Assert.Equal(before, Posix.Checksum(Db));
            }

            using var store = ResultStore.Open(Db, create: false);
            var now = store.ReadAll().ToDictionary(r => r.Cell);
            Assert.All(stored, r => Assert.True(ResultComparer.SameDeterministicContent(r, now[r.Cell])));
        }
    }

    [Fact]
    public void A_database_from_a_newer_schema_is_refused_with_one_line_and_left_untouched()
    {
        Assert.Equal(0, CliRunner.Run(Args(2)).Exit);
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = 'almab-results-7' WHERE key = 'schema'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        string before = Posix.Checksum(Db);
        foreach (string[] args in new[] { Args(4, "--resume"), ["export", Db, "--out", Path.Combine(_dir, "csv")], ["merge", Path.Combine(_dir, "m.db"), Db] })
        {
            var (exit, output, error) = AlmabProcess.Run(args);
            Assert.True(exit == ExitCodes.Usage, $"{string.Join(' ', args)}: exit {exit} {output} {error}");
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.Contains("newer Almab", error);
            Assert.Equal(before, Posix.Checksum(Db));
        }
    }
}
