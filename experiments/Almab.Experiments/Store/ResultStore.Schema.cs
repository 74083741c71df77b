using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Almab.Experiments.Store;

/// <summary>
/// Schema checks, creation and upgrades of <see cref="ResultStore"/>. Schema history: 1, the first; 2 (issue 18) adds
/// <c>replicates.crashed_attempts</c>, the attempts simulated worker crashes cut short (NULL: not recorded).
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
    /// or none, so a failed upgrade leaves the file as it was). 1 → 2 adds <c>replicates.crashed_attempts</c> as NULL
    /// for the replicates already stored: schema 1 did not record crashes, and NULL says "not recorded" rather than
    /// claiming zero. Every stored value is kept as it was.
    /// </summary>
    private void Upgrade(int from)
    {
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = (from < 2 ? "ALTER TABLE replicates ADD COLUMN crashed_attempts INTEGER CHECK(crashed_attempts >= 0);" : "")
            + $"UPDATE meta SET value = '{SchemaVersion}' WHERE key = 'schema';";
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    private void CreateSchema()
    {
        Execute($"""
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE replicates(
                case_id TEXT NOT NULL, method TEXT NOT NULL, workers INTEGER NOT NULL, budget INTEGER NOT NULL,
                noise REAL NOT NULL, replicate INTEGER NOT NULL, seed TEXT NOT NULL, metric_name TEXT NOT NULL,
                final_metric REAL NOT NULL, cumulative_regret REAL, makespan_seconds REAL NOT NULL,
                compute_seconds REAL NOT NULL, evaluations INTEGER NOT NULL,
                crashed_attempts INTEGER CHECK(crashed_attempts >= 0),
                PRIMARY KEY({CellColumns}));
            CREATE TABLE evaluations(
                case_id TEXT NOT NULL, method TEXT NOT NULL, workers INTEGER NOT NULL, budget INTEGER NOT NULL,
                noise REAL NOT NULL, replicate INTEGER NOT NULL, idx INTEGER NOT NULL, virtual_seconds REAL NOT NULL,
                compute_seconds REAL NOT NULL, worker INTEGER NOT NULL, configuration TEXT NOT NULL, observed REAL NOT NULL,
                true_value REAL, best_so_far REAL, metric REAL,
                PRIMARY KEY({CellColumns}, idx));
            INSERT INTO meta(key, value) VALUES('schema', '{SchemaVersion}');
            """);
    }
}
