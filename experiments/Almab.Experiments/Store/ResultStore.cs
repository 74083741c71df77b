using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Store;

/// <summary>
/// The embedded SQLite results database: one row per evaluation and one per finished replicate.
/// A replicate is written in a single transaction together with its evaluations, so a run killed at
/// any moment leaves only whole replicates behind and <c>--resume</c> skips exactly those.
/// Not thread-safe: the runner funnels all writes through one writer.
/// </summary>
public sealed partial class ResultStore : IDisposable
{
    /// <summary>Schema identifier stored in the <c>meta</c> table.</summary>
    public const string SchemaVersion = SchemaPrefix + "3";

    private const string SchemaPrefix = "almab-results-";
    private const int SchemaNumber = 3;

    private const string CellColumns = "case_id, method, workers, budget, noise, replicate";
    private readonly SqliteConnection _connection;
    private Inserts? _inserts;
    private StoreLock? _lock;

    private ResultStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>File path of the database.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (and with <paramref name="create"/> creates) a results database. A file that is not an
    /// Almab results database, or one written by a newer Almab (a later schema), raises
    /// <see cref="InvalidDataException"/> and is left untouched (its schema is checked before anything is written).
    /// A database of an older schema is upgraded in place, in one transaction, before it is used (see <see cref="Upgrade"/>).
    /// With <paramref name="exclusive"/>, the store also takes the database's lock (<see cref="StoreLock"/>): a second
    /// process that asks for it gets <see cref="StoreLockedException"/> instead of writing into the same file.
    /// </summary>
    public static ResultStore Open(string path, bool create, bool exclusive = false)
    {
        bool exists = File.Exists(path);
        if (!exists && !create)
        {
            throw new FileNotFoundException($"results database not found: {path}");
        }

        // A zero-length file holds no results (SQLite itself reads it as an empty database): an Almab older than
        // atomic creation, killed between creating the file and writing its schema, left it. It is created afresh.
        if (create && exists && new FileInfo(path).Length == 0)
        {
            CreateAtomically(path, replaceEmpty: true);
        }
        else if (!exists)
        {
            CreateAtomically(path, replaceEmpty: false);
        }

        CheckHeader(path);

        StoreLock? held = exclusive ? StoreLock.Acquire(path) : null;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var store = new ResultStore(connection, path) { _lock = held };
            int schema = store.CheckSchema();
            store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
            if (schema < SchemaNumber)
            {
                store.Upgrade(schema);
            }

            return store;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is raw.SQLITE_FULL or raw.SQLITE_IOERR or raw.SQLITE_READONLY or raw.SQLITE_CANTOPEN or raw.SQLITE_PERM)
        {
            // The file system refused (full, read-only, I/O error): the database itself is not at fault.
            connection.Dispose();
            held?.Dispose();
            throw new IOException($"cannot open {path} for writing ({e.Message.TrimEnd('.')}); the database was left as it was", e);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            held?.Dispose();
            throw new InvalidDataException($"{path} is not a readable Almab results database ({e.Message.TrimEnd('.')})", e);
        }
        catch
        {
            connection.Dispose();
            held?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Moves every committed transaction from the write-ahead log into the database file and empties the log
    /// (a clean checkpoint: the file alone then holds all results, as after a normal exit).
    /// </summary>
    public void Checkpoint() => Execute("PRAGMA wal_checkpoint(TRUNCATE);");

    /// <summary>Reads a metadata value (case hash, root seed, ...), or null.</summary>
    public string? GetMeta(string key)
    {
        using var cmd = Command("SELECT value FROM meta WHERE key = $k", ("$k", key));
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Sets a metadata value (an unchanged value writes nothing, so reopening a database for a run does not touch it).</summary>
    public void SetMeta(string key, string value)
    {
        if (GetMeta(key) == value)
        {
            return;
        }

        using var cmd = Command("INSERT INTO meta(key, value) VALUES($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            ("$k", key), ("$v", value));
        try
        {
            cmd.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is raw.SQLITE_FULL or raw.SQLITE_IOERR or raw.SQLITE_READONLY)
        {
            throw new IOException($"cannot write to {Path} ({e.Message.TrimEnd('.')}); the database was left as it was", e);
        }
    }

    /// <summary>Cells whose replicate row exists (finished and committed).</summary>
    public HashSet<CellKey> FinishedCells()
    {
        var cells = new HashSet<CellKey>();
        using var cmd = Command($"SELECT {CellColumns} FROM replicates");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            cells.Add(ReadCell(reader, 0));
        }

        return cells;
    }

    /// <summary>Number of finished replicates.</summary>
    public long CountReplicates()
    {
        using var cmd = Command("SELECT COUNT(*) FROM replicates");
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Writes one finished replicate and its evaluations atomically; a duplicate cell is an error.</summary>
    public void Write(ReplicateResult result) => Write([result]);

    /// <summary>
    /// Writes finished replicates in one transaction: each is whole or absent, never partial, so a run killed at
    /// any moment still leaves only whole replicates. A duplicate cell is an error and nothing of the batch is
    /// written. The two insert statements are prepared once per store and reused (the runner's single writer
    /// keeps up with two compute threads even when a replicate takes only a millisecond).
    /// </summary>
    public void Write(IReadOnlyList<ReplicateResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return;
        }

        _inserts ??= new Inserts(_connection);
        using var tx = _connection.BeginTransaction();
        foreach (var result in results)
        {
            _inserts.Add(result);
        }

        tx.Commit();
    }

    /// <summary>Reads every replicate with its evaluations, ordered by cell coordinates.</summary>
    public IEnumerable<ReplicateResult> ReadAll()
    {
        // Both reads follow a key's order (evaluation_rows' primary key, replicates' unique cell index): no sort.
        var evaluations = new Dictionary<long, List<EvaluationRow>>();
        using (var cmd = Command("SELECT replicate_id, idx, virtual_seconds, compute_seconds, worker, configuration, observed, true_value, best_so_far, metric FROM evaluation_rows ORDER BY replicate_id, idx"))
        using (var reader = cmd.ExecuteReader())
        {
            long current = long.MinValue;
            List<EvaluationRow>? list = null;
            while (reader.Read())
            {
                long id = reader.GetInt64(0);
                if (id != current || list is null)
                {
                    evaluations[id] = list = [];
                    current = id;
                }

                list.Add(new EvaluationRow(reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt32(4),
                    reader.GetString(5), reader.GetDouble(6), ReadNullable(reader, 7), ReadNullable(reader, 8), ReadNullable(reader, 9)));
            }
        }

        var results = new List<ReplicateResult>();
        using (var cmd = Command($"SELECT {CellColumns}, seed, metric_name, final_metric, cumulative_regret, makespan_seconds, compute_seconds, crashed_attempts, id FROM replicates ORDER BY {CellColumns}"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var cell = ReadCell(reader, 0);
                results.Add(new ReplicateResult(cell, ulong.Parse(reader.GetString(6), CultureInfo.InvariantCulture), reader.GetString(7),
                    reader.GetDouble(8), ReadNullable(reader, 9), reader.GetDouble(10), reader.GetDouble(11),
                    evaluations.TryGetValue(reader.GetInt64(13), out var rows) ? [.. rows] : ImmutableArray<EvaluationRow>.Empty)
                {
                    CrashedAttempts = reader.IsDBNull(12) ? null : reader.GetInt32(12),
                });
            }
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _inserts?.Dispose();
        _connection.Dispose();
        _lock?.Dispose();
    }

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return cmd;
    }

    private static CellKey ReadCell(SqliteDataReader reader, int offset) => new(
        reader.GetString(offset), reader.GetString(offset + 1), reader.GetInt32(offset + 2),
        reader.GetInt32(offset + 3), reader.GetDouble(offset + 4), reader.GetInt32(offset + 5));

    private static double ReadNullable(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);
}
