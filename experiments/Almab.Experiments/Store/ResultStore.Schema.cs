using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Almab.Experiments.Store;

/// <summary>
/// Schema checks, creation and upgrades of <see cref="ResultStore"/>. Schema history: 1, the first; 2 (issue 18) adds
/// <c>replicates.crashed_attempts</c>, the attempts simulated worker crashes cut short (NULL: not recorded); 3 (issue 18,
/// runner scaling) gives each replicate an integer <c>id</c> and stores its evaluations in <c>evaluation_rows</c>
/// keyed by (<c>replicate_id</c>, <c>idx</c>), a <c>WITHOUT ROWID</c> table, with the view <c>evaluations</c>
/// presenting the same columns as before (cell coordinates joined back in). Schema 2 repeated the six cell columns,
/// two of them text, in every evaluation row and in its primary-key index: each insert was a seek comparing those
/// texts level by level. Replicates finish in any order, so those seeks landed anywhere in the B-tree, and the single
/// writer became the serial part that kept two threads from scaling on cheap cells. Schema 3's keys grow with each
/// replicate written, so every evaluation insert is an append to one B-tree with integer keys.
/// </summary>
public sealed partial class ResultStore
{
    private static void CheckHeader(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var stream = File.OpenRead(path);
        int read = stream.Read(header);
        if (read < 16 || !header.SequenceEqual("SQLite format 3\0"u8))
        {
            throw new InvalidDataException($"{path} is not an SQLite database (corrupt or another file); it was left untouched");
        }
    }

    /// <summary>The schema number of an existing database (1 ... <see cref="SchemaNumber"/>), or a one-line refusal.</summary>
    private int CheckSchema()
    {
        string? version;
        try
        {
            version = GetMeta("schema");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is raw.SQLITE_ERROR or raw.SQLITE_NOTADB or raw.SQLITE_CORRUPT)
        {
            // No meta table (another SQLite database) or not a database at all; I/O errors propagate as such.
            version = null;
        }

        if (version is not null && version.StartsWith(SchemaPrefix, StringComparison.Ordinal)
            && int.TryParse(version.AsSpan(SchemaPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            && number >= 1)
        {
            return number <= SchemaNumber
                ? number
                : throw new InvalidDataException(
                    $"{Path} was written by a newer Almab (schema '{version}'; this Almab reads '{SchemaVersion}'): upgrade Almab to read it; the file was left untouched");
        }

        throw new InvalidDataException($"{Path} is not an Almab results database (schema '{version ?? "none"}', expected '{SchemaVersion}')");
    }

    /// <summary>
    /// Upgrades a database of schema <paramref name="from"/> to <see cref="SchemaNumber"/> in one transaction (all steps
    /// or none, so a failed upgrade — a full disk, say — leaves the file as it was). 1 → 2 adds
    /// <c>replicates.crashed_attempts</c> as NULL for the replicates already stored: schema 1 did not record crashes,
    /// and NULL says "not recorded" rather than claiming zero. 2 → 3 rebuilds both tables in the new shape, replicates
    /// numbered in cell order, every stored value copied as it was.
    /// </summary>
    private void Upgrade(int from)
    {
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        string values = "virtual_seconds, compute_seconds, worker, configuration, observed, true_value, best_so_far, metric";
        string replicateColumns = $"{CellColumns}, seed, metric_name, final_metric, cumulative_regret, makespan_seconds, compute_seconds, evaluations, crashed_attempts";
        string cellMatch = string.Join(" AND ", CellColumns.Split(", ").Select(c => $"r.{c} = e.{c}"));
        cmd.CommandText = (from < 2 ? "ALTER TABLE replicates ADD COLUMN crashed_attempts INTEGER CHECK(crashed_attempts >= 0);" : "")
            + (from < 3
                ? "ALTER TABLE replicates RENAME TO replicates_schema2; ALTER TABLE evaluations RENAME TO evaluations_schema2;"
                  + Tables
                  + $"INSERT INTO replicates({replicateColumns}) SELECT {replicateColumns} FROM replicates_schema2 ORDER BY {CellColumns};"
                  + $"INSERT INTO evaluation_rows(replicate_id, idx, {values}) SELECT r.id, e.idx, {string.Join(", ", values.Split(", ").Select(c => "e." + c))} "
                  + $"FROM evaluations_schema2 e JOIN replicates r ON {cellMatch} ORDER BY r.id, e.idx;"
                  + "DROP TABLE evaluations_schema2; DROP TABLE replicates_schema2;" + EvaluationsView
                : "")
            + $"UPDATE meta SET value = '{SchemaVersion}' WHERE key = 'schema';";
        cmd.ExecuteNonQuery();
        tx.Commit();
        if (from < 3)
        {
            // The rebuilt tables leave the old ones' pages free inside the file (a 308 MB schema-1 case-1 store grew
            // to 530 MB). VACUUM returns them; it is atomic, so when it cannot run (no room for its copy) the upgraded
            // database stays as it is, whole, only larger.
            try
            {
                Execute("VACUUM;");
            }
            catch (SqliteException e) when (e.SqliteErrorCode is raw.SQLITE_FULL or raw.SQLITE_IOERR)
            {
            }
        }
    }

    /// <summary>
    /// Creates a results database at <paramref name="path"/> all at once: the schema is written into a private file
    /// beside it, which is then renamed into place. A process killed at any moment therefore leaves either no database
    /// or a whole one, never a file without its schema (which a resume would have to refuse as "not an Almab database").
    /// When another process creates the same database first, its file is kept and ours is discarded.
    /// </summary>
    private static void CreateAtomically(string path, bool replaceEmpty)
    {
        string full = System.IO.Path.GetFullPath(path);
        string dir = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string prefix = $".{System.IO.Path.GetFileName(full)}.creating-";
        RemoveAbandonedCreations(dir, prefix);
        string temp = System.IO.Path.Combine(dir, $"{prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = temp, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            using (var connection = new SqliteConnection(builder.ToString()))
            {
                connection.Open();
                var store = new ResultStore(connection, temp);
                store.Execute("PRAGMA journal_mode=WAL;");
                using var tx = connection.BeginTransaction();
                store.CreateSchema(tx);
                tx.Commit();
            }

            // Closing the only connection checkpoints the log into the file and removes it: the file alone is whole.
            try
            {
                File.Move(temp, full, overwrite: replaceEmpty && new FileInfo(full).Length == 0);
            }
            catch (IOException) when (File.Exists(full) && new FileInfo(full).Length > 0)
            {
                // Another process created it in the meantime; that one is used.
            }
        }
        finally
        {
            foreach (string leftover in (string[])[temp, temp + "-wal", temp + "-shm", temp + "-journal"])
            {
                File.Delete(leftover);
            }
        }
    }

    /// <summary>
    /// Deletes private creation files a killed process left behind: those whose process no longer runs here and that are
    /// over a minute old (creation takes milliseconds, so a file that old on a shared file system is abandoned too).
    /// </summary>
    private static void RemoveAbandonedCreations(string dir, string prefix)
    {
        foreach (string file in Directory.EnumerateFiles(dir, prefix + "*"))
        {
            string rest = System.IO.Path.GetFileName(file)[prefix.Length..];
            int dash = rest.IndexOf('-', StringComparison.Ordinal);
            bool running = dash > 0 && int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                && IsRunning(pid);
            if (!running && DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > TimeSpan.FromMinutes(1))
            {
                File.Delete(file);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private void CreateSchema(SqliteTransaction tx)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);" + Tables + EvaluationsView
            + $"INSERT INTO meta(key, value) VALUES('schema', '{SchemaVersion}');";
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Schema 3's two tables. <c>replicates.id</c> is an explicit INTEGER PRIMARY KEY, so VACUUM keeps it (an implicit
    /// rowid may be renumbered). No FOREIGN KEY on <c>evaluation_rows.replicate_id</c>: its check would cost a lookup per
    /// evaluation, and the store writes a replicate and its evaluations in one transaction, from the id the replicate's
    /// insert returned.
    /// </summary>
    private const string Tables = $"""
        CREATE TABLE replicates(
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL, method TEXT NOT NULL, workers INTEGER NOT NULL, budget INTEGER NOT NULL,
            noise REAL NOT NULL, replicate INTEGER NOT NULL, seed TEXT NOT NULL, metric_name TEXT NOT NULL,
            final_metric REAL NOT NULL, cumulative_regret REAL, makespan_seconds REAL NOT NULL,
            compute_seconds REAL NOT NULL, evaluations INTEGER NOT NULL,
            crashed_attempts INTEGER CHECK(crashed_attempts >= 0),
            UNIQUE({CellColumns}));
        CREATE TABLE evaluation_rows(
            replicate_id INTEGER NOT NULL, idx INTEGER NOT NULL, virtual_seconds REAL NOT NULL,
            compute_seconds REAL NOT NULL, worker INTEGER NOT NULL, configuration TEXT NOT NULL, observed REAL NOT NULL,
            true_value REAL, best_so_far REAL, metric REAL,
            PRIMARY KEY(replicate_id, idx)) WITHOUT ROWID;
        """;

    /// <summary>The evaluations as schemas 1 and 2 stored them, one row each with its cell coordinates, for SQL users.</summary>
    private const string EvaluationsView = """
        CREATE VIEW evaluations AS
            SELECT r.case_id, r.method, r.workers, r.budget, r.noise, r.replicate, e.idx, e.virtual_seconds, e.compute_seconds,
                   e.worker, e.configuration, e.observed, e.true_value, e.best_so_far, e.metric
            FROM evaluation_rows e JOIN replicates r ON r.id = e.replicate_id;
        """;
}
