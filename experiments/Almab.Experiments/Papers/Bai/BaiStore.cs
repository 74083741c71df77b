using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.Bai;

/// <summary>
/// The SQLite database of a BAI run (<c>bai.db</c>): one row per trial (agent, instance, env, L, answer, pulls,
/// consumption, success, seeds) and one per finished cell. A cell's trials and its cell row are written in one
/// transaction, so a killed run leaves whole cells only and <c>--resume</c> skips exactly those. A file that is not
/// a BAI database is refused untouched. Not thread-safe: one writer.
/// </summary>
public sealed class BaiStore : IDisposable
{
    /// <summary>Schema identifier in the meta table.</summary>
    public const string SchemaVersion = "almab-bai-1";

    private readonly SqliteConnection _connection;

    private BaiStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>Database path.</summary>
    public string Path { get; }

    /// <summary>Opens or creates a database; a foreign or corrupt file raises <see cref="InvalidDataException"/>.</summary>
    public static BaiStore Open(string path, bool create)
    {
        bool exists = File.Exists(path);
        if (!exists && !create)
        {
            throw new FileNotFoundException($"BAI results database not found: {path}");
        }

        if (exists)
        {
            var header = new byte[16];
            using (var f = File.OpenRead(path))
            {
                int read = f.Read(header, 0, 16);
                if (read < 16 || Encoding.ASCII.GetString(header, 0, 15) != "SQLite format 3")
                {
                    throw new InvalidDataException($"{path} is not an Almab BAI results database (not SQLite); it was left untouched");
                }
            }
        }
        else
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            var store = new BaiStore(connection, path);
            store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            if (exists)
            {
                string? schema = store.GetMeta("schema");
                if (schema != SchemaVersion)
                {
                    throw new InvalidDataException($"{path} is not an Almab BAI results database (schema '{schema ?? "none"}'); it was left untouched");
                }
            }
            else
            {
                store.Execute(
                    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);" +
                    "CREATE TABLE cells(agent TEXT NOT NULL, instance TEXT NOT NULL, env TEXT NOT NULL, resources INTEGER NOT NULL, " +
                    "trials INTEGER NOT NULL, compute_seconds REAL NOT NULL, PRIMARY KEY(agent, instance, env, resources));" +
                    "CREATE TABLE trials(agent TEXT NOT NULL, instance TEXT NOT NULL, env TEXT NOT NULL, resources INTEGER NOT NULL, " +
                    "trial INTEGER NOT NULL, seed TEXT NOT NULL, permutation_seed TEXT NOT NULL, answer INTEGER NOT NULL, pulls INTEGER NOT NULL, " +
                    "consumption_1 REAL NOT NULL, consumption_2 REAL, success INTEGER NOT NULL, PRIMARY KEY(agent, instance, env, resources, trial));");
                store.SetMeta("schema", SchemaVersion);
            }

            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InvalidDataException($"{path} is not a readable Almab BAI results database ({e.Message.TrimEnd('.')}); it was left untouched", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A meta value or null.</summary>
    public string? GetMeta(string key)
    {
        using var cmd = Command("SELECT value FROM meta WHERE key = $k");
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Sets a meta value.</summary>
    public void SetMeta(string key, string value)
    {
        using var cmd = Command("INSERT INTO meta(key, value) VALUES($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Keys (agent, instance, env, L) of finished cells.</summary>
    public HashSet<(string Agent, string Instance, string Env, int Resources)> FinishedCells()
    {
        var set = new HashSet<(string, string, string, int)>();
        using var cmd = Command("SELECT agent, instance, env, resources FROM cells");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            set.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)));
        }

        return set;
    }

    /// <summary>Writes finished cells in one transaction (each whole or absent); a duplicate cell is an error.</summary>
    public void Write(IReadOnlyList<BaiCellResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Write(results.Select(r => new BaiStoredCell(r.Cell.Agent, r.Cell.Instance, r.Cell.Environment, r.Cell.Resources, r.Rows, r.ComputeSeconds)).ToList());
    }

    /// <summary>Writes finished cells of any study (e.g. the real-world replay) in one transaction; a duplicate cell is an error.</summary>
    public void Write(IReadOnlyList<BaiStoredCell> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var tx = _connection.BeginTransaction();
        using var cell = new PreparedInsert(_connection, "INSERT INTO cells VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
        using var trial = new PreparedInsert(_connection, "INSERT INTO trials VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        foreach (var c in results)
        {
            cell.Text(1, c.Agent);
            cell.Text(2, c.Instance);
            cell.Text(3, c.Env);
            cell.Int(4, c.Resources);
            cell.Int(5, c.Rows.Length);
            cell.Double(6, c.ComputeSeconds);
            cell.Step();

            // The cell's four columns are bound once; each trial binds its own eight (a full grid writes 540,000 rows).
            trial.Text(1, c.Agent);
            trial.Text(2, c.Instance);
            trial.Text(3, c.Env);
            trial.Int(4, c.Resources);
            foreach (var row in c.Rows)
            {
                trial.Int(5, row.Trial);
                trial.Text(6, row.Seed.ToString(CultureInfo.InvariantCulture));
                trial.Text(7, row.PermutationSeed.ToString(CultureInfo.InvariantCulture));
                trial.Int(8, row.Answer);
                trial.Long(9, row.Pulls);
                trial.Double(10, row.Consumption1);
                trial.Nullable(11, row.Consumption2);
                trial.Int(12, row.Success ? 1 : 0);
                trial.Step();
            }
        }

        tx.Commit();
    }

    /// <summary>Per-cell counts: trials, successes, mean pulls, compute seconds; in a stable order.</summary>
    public IReadOnlyList<BaiCellSummary> Summaries()
    {
        var list = new List<BaiCellSummary>();
        using var cmd = Command(
            "SELECT t.agent, t.instance, t.env, t.resources, COUNT(*), SUM(t.success), AVG(t.pulls), SUM(t.answer < 0), c.compute_seconds " +
            "FROM trials t JOIN cells c USING(agent, instance, env, resources) GROUP BY t.agent, t.instance, t.env, t.resources " +
            "ORDER BY t.resources, t.instance, t.env, t.agent");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new BaiCellSummary(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4), r.GetInt64(5),
                r.GetDouble(6), r.GetInt64(7), r.GetDouble(8)));
        }

        return list;
    }

    /// <summary>
    /// Copies every cell of another BAI store (a shard) into this one in one transaction. The stores must share seed,
    /// trials and case; a cell present in both is an error and nothing is copied. Returns the number of cells copied.
    /// </summary>
    public int MergeFrom(string shardPath)
    {
        using (var shard = Open(shardPath, create: false))
        {
            foreach (string key in new[] { "seed", "trials", "case" })
            {
                string? mine = GetMeta(key), theirs = shard.GetMeta(key);
                if (mine is null)
                {
                    SetMeta(key, theirs ?? "");
                }
                else if (mine != theirs)
                {
                    throw new InvalidDataException($"{shardPath} has {key} '{theirs}', {Path} has '{mine}': not shards of one run");
                }
            }
        }

        using var attach = Command("ATTACH DATABASE $p AS shard");
        attach.Parameters.AddWithValue("$p", shardPath);
        attach.ExecuteNonQuery();
        try
        {
            using var tx = _connection.BeginTransaction();
            using var dup = Command("SELECT agent || ' ' || instance || ' ' || env || ' L=' || resources FROM shard.cells JOIN main.cells USING(agent, instance, env, resources) LIMIT 1");
            if (dup.ExecuteScalar() is string both)
            {
                throw new InvalidDataException($"cell {both} is in both {shardPath} and {Path}; nothing was merged");
            }

            using var cells = Command("INSERT INTO main.cells SELECT * FROM shard.cells");
            int copied = cells.ExecuteNonQuery();
            using var trials = Command("INSERT INTO main.trials SELECT * FROM shard.trials");
            trials.ExecuteNonQuery();
            tx.Commit();
            return copied;
        }
        finally
        {
            using var detach = Command("DETACH DATABASE shard");
            detach.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }
}
