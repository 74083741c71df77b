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
public sealed class ResultStore : IDisposable
{
    /// <summary>Schema identifier stored in the <c>meta</c> table.</summary>
    public const string SchemaVersion = SchemaPrefix + "1";

    private const string SchemaPrefix = "almab-results-";
    private const int SchemaNumber = 1;

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

        if (exists)
        {
            CheckHeader(path);
        }
        else
        {
            string? dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }
        }

        StoreLock? held = exclusive ? StoreLock.Acquire(path) : null;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var store = new ResultStore(connection, path) { _lock = held };
            if (exists)
            {
                store.CheckSchema();
            }

            store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
            if (!exists)
            {
                store.CreateSchema();
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

    /// <summary>
    /// The two insert statements, prepared once on the connection's SQLite handle and bound by index through
    /// SQLitePCLRaw. SQLite keeps bindings across resets, so a replicate's six cell columns are bound once and each
    /// evaluation row binds only its own nine values. Microsoft.Data.Sqlite's commands re-bound all fifteen by name
    /// on every row, which made the writer the limit of the parallel runner on cheap cells.
    /// </summary>
    private sealed class Inserts : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _replicate;
        private readonly sqlite3_stmt _evaluation;

        public Inserts(SqliteConnection connection)
        {
            _connection = connection;
            _replicate = Prepare(
                $"INSERT INTO replicates({CellColumns}, seed, metric_name, final_metric, cumulative_regret, makespan_seconds, compute_seconds, evaluations) " +
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
            _evaluation = Prepare(
                $"INSERT INTO evaluations({CellColumns}, idx, virtual_seconds, compute_seconds, worker, configuration, observed, true_value, best_so_far, metric) " +
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
        }

        public void Add(ReplicateResult result)
        {
            BindCell(_replicate, result.Cell);
            Check(raw.sqlite3_bind_text(_replicate, 7, result.Seed.ToString(CultureInfo.InvariantCulture)));
            Check(raw.sqlite3_bind_text(_replicate, 8, result.MetricName));
            Check(raw.sqlite3_bind_double(_replicate, 9, result.FinalMetric));
            BindNullable(_replicate, 10, result.CumulativeRegret);
            Check(raw.sqlite3_bind_double(_replicate, 11, result.MakespanSeconds));
            Check(raw.sqlite3_bind_double(_replicate, 12, result.ComputeSeconds));
            Check(raw.sqlite3_bind_int(_replicate, 13, result.Evaluations.Length));
            Step(_replicate);

            BindCell(_evaluation, result.Cell);
            foreach (var e in result.Evaluations)
            {
                Check(raw.sqlite3_bind_int(_evaluation, 7, e.Index));
                Check(raw.sqlite3_bind_double(_evaluation, 8, e.VirtualSeconds));
                Check(raw.sqlite3_bind_double(_evaluation, 9, e.ComputeSeconds));
                Check(raw.sqlite3_bind_int(_evaluation, 10, e.Worker));
                Check(raw.sqlite3_bind_text(_evaluation, 11, e.Configuration));
                Check(raw.sqlite3_bind_double(_evaluation, 12, e.Observed));
                BindNullable(_evaluation, 13, e.TrueValue);
                BindNullable(_evaluation, 14, e.BestSoFar);
                BindNullable(_evaluation, 15, e.Metric);
                Step(_evaluation);
            }
        }

        public void Dispose()
        {
            _replicate.Dispose();
            _evaluation.Dispose();
        }

        private sqlite3_stmt Prepare(string sql)
        {
            Check(raw.sqlite3_prepare_v2(_connection.Handle, sql, out sqlite3_stmt statement));
            return statement;
        }

        private void BindCell(sqlite3_stmt statement, CellKey cell)
        {
            Check(raw.sqlite3_bind_text(statement, 1, cell.CaseId));
            Check(raw.sqlite3_bind_text(statement, 2, cell.Method));
            Check(raw.sqlite3_bind_int(statement, 3, cell.Workers));
            Check(raw.sqlite3_bind_int(statement, 4, cell.Budget));
            Check(raw.sqlite3_bind_double(statement, 5, cell.Noise));
            Check(raw.sqlite3_bind_int(statement, 6, cell.Replicate));
        }

        /// <summary>NaN is stored as NULL (and read back as NaN), as everywhere in this store.</summary>
        private void BindNullable(sqlite3_stmt statement, int index, double value) =>
            Check(double.IsNaN(value) ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_double(statement, index, value));

        private void Step(sqlite3_stmt statement)
        {
            int rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE)
            {
                Fail(rc);
            }
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                Fail(rc);
            }
        }

        private void Fail(int rc) =>
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}'.", rc);
    }

    /// <summary>Reads every replicate with its evaluations, ordered by cell coordinates.</summary>
    public IEnumerable<ReplicateResult> ReadAll()
    {
        var evaluations = new Dictionary<CellKey, List<EvaluationRow>>();
        using (var cmd = Command($"SELECT {CellColumns}, idx, virtual_seconds, compute_seconds, worker, configuration, observed, true_value, best_so_far, metric FROM evaluations ORDER BY {CellColumns}, idx"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var cell = ReadCell(reader, 0);
                if (!evaluations.TryGetValue(cell, out var list))
                {
                    evaluations[cell] = list = [];
                }

                list.Add(new EvaluationRow(reader.GetInt32(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetInt32(9),
                    reader.GetString(10), reader.GetDouble(11), ReadNullable(reader, 12), ReadNullable(reader, 13), ReadNullable(reader, 14)));
            }
        }

        var results = new List<ReplicateResult>();
        using (var cmd = Command($"SELECT {CellColumns}, seed, metric_name, final_metric, cumulative_regret, makespan_seconds, compute_seconds FROM replicates ORDER BY {CellColumns}"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var cell = ReadCell(reader, 0);
                results.Add(new ReplicateResult(cell, ulong.Parse(reader.GetString(6), CultureInfo.InvariantCulture), reader.GetString(7),
                    reader.GetDouble(8), ReadNullable(reader, 9), reader.GetDouble(10), reader.GetDouble(11),
                    evaluations.TryGetValue(cell, out var rows) ? [.. rows] : ImmutableArray<EvaluationRow>.Empty));
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

    private void CheckSchema()
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

        if (version == SchemaVersion)
        {
            return;
        }

        if (version is not null && version.StartsWith(SchemaPrefix, StringComparison.Ordinal)
            && int.TryParse(version.AsSpan(SchemaPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            && number > SchemaNumber)
        {
            throw new InvalidDataException(
                $"{Path} was written by a newer Almab (schema '{version}'; this Almab reads '{SchemaVersion}'): upgrade Almab to read it; the file was left untouched");
        }

        throw new InvalidDataException($"{Path} is not an Almab results database (schema '{version ?? "none"}', expected '{SchemaVersion}')");
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
