using System.Globalization;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Experiments.Tests.Faults;
using Almab.Experiments.Tests.Runner;
using Microsoft.Data.Sqlite;

namespace Almab.Experiments.Tests.Store;

/// <summary>
/// The store's schema upgrades against databases older Almabs wrote, each with that version's own CSV export of it:
/// Fixtures/store/results-schema1.db (generate_schema1_fixture.sh at main ea9171a, before crashed_attempts) and
/// results-schema2.db (generate_schema2_fixture.sh at main 2830888, cell columns in every evaluation row). An old
/// database opens, is upgraded in place to schema 3, and reads back exactly what the old version exported (schema 1's
/// crash counts "not recorded"); a newer schema is still refused.
/// </summary>
public sealed class ResultStoreMigrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-migrate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "store", name);

    [Fact]
    public void A_schema_1_database_is_upgraded_and_reads_back_what_the_old_version_exported()
    {
        string path = Path.Combine(_dir, "old.db");
        File.Copy(Fixture("results-schema1.db"), path);
        string[] exported = File.ReadAllLines(Fixture("results-schema1.replicates.csv"));
        Assert.Equal("almab-results-1", Meta(path));

        using (var store = ResultStore.Open(path, create: false))
        {
            Assert.Equal(ResultStore.SchemaVersion, store.GetMeta("schema"));
            var results = store.ReadAll().ToList();
            Assert.Equal(exported.Length - 1, results.Count);
            foreach (var (line, r) in exported.Skip(1).Zip(results))
            {
                string[] f = line.Split(',');
                Assert.Equal(new CellKey(f[0], f[1], Int(f[2]), Int(f[3]), Double(f[4]), Int(f[5])), r.Cell);
                Assert.Equal(ulong.Parse(f[6], CultureInfo.InvariantCulture), r.Seed);
                Assert.Equal(f[7], r.MetricName);
                Assert.Equal(Double(f[8]), r.FinalMetric);
                Assert.Equal(Double(f[9]), r.CumulativeRegret);
                Assert.Equal(Double(f[10]), r.MakespanSeconds);
                Assert.Equal(Double(f[11]), r.ComputeSeconds);
                Assert.Equal(Int(f[12]), r.Evaluations.Length);
                Assert.Null(r.CrashedAttempts); // schema 1 did not record crashes: unknown, not zero
            }

            // The upgraded database takes new replicates with their crash count.
            var added = SyntheticCells.Run(new CellKey("c", "m", 2, 4, 0, 0), CancellationToken.None) with { CrashedAttempts = 3 };
            store.Write(added);
        }

        using var reopened = ResultStore.Open(path, create: false);
        Assert.Equal(3, reopened.ReadAll().Single(r => r.Cell.CaseId == "c").CrashedAttempts);
        Assert.Equal(exported.Length, reopened.ReadAll().Count());
    }

    [Fact]
    public void Crash_counts_round_trip_including_not_recorded()
    {
        string path = Path.Combine(_dir, "new.db");
        var results = new[] { 0, 7, (int?)null }.Select((c, i) =>
            SyntheticCells.Run(new CellKey("c", "m", 1, 3, 0, i), CancellationToken.None) with { CrashedAttempts = c }).ToList();
        using (var store = ResultStore.Open(path, create: true))
        {
            store.Write(results);
        }

        using var reopened = ResultStore.Open(path, create: false);
        Assert.Equal([0, 7, null], reopened.ReadAll().Select(r => r.CrashedAttempts));
    }

    [Fact]
    public void The_next_schema_is_refused_with_one_line_and_the_file_is_left_untouched()
    {
        string path = Path.Combine(_dir, "next.db");
        File.Copy(Fixture("results-schema1.db"), path);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = 'almab-results-4' WHERE key = 'schema'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        string before = Posix.Checksum(path);
        var e = Assert.Throws<InvalidDataException>(() => ResultStore.Open(path, create: false));
        Assert.Contains("newer Almab", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(before, Posix.Checksum(path));
    }

    [Fact]
    public void A_schema_2_database_is_upgraded_and_exports_byte_for_byte_what_the_old_version_exported()
    {
        string path = Path.Combine(_dir, "v2.db");
        File.Copy(Fixture("results-schema2.db"), path);
        Assert.Equal("almab-results-2", Meta(path));
        string csv = Path.Combine(_dir, "csv");
        using (var store = ResultStore.Open(path, create: false))
        {
            Assert.Equal(ResultStore.SchemaVersion, store.GetMeta("schema"));
            CsvExporter.Export(store, csv);
        }

        Assert.Equal(File.ReadAllText(Fixture("results-schema2.replicates.csv")), File.ReadAllText(Path.Combine(csv, "replicates.csv")));
        Assert.Equal(File.ReadAllText(Fixture("results-schema2.evaluations.csv")), File.ReadAllText(Path.Combine(csv, "evaluations.csv")));

        // The old evaluations table is gone; SQL users still find its rows, same columns, in the view of that name.
        Assert.Equal(File.ReadAllLines(Fixture("results-schema2.evaluations.csv")).Length - 1, Scalar(path, "SELECT COUNT(*) FROM evaluations"));
        Assert.Equal(0L, Scalar(path, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%schema2%'"));
    }

    [Fact]
    public void New_stores_key_evaluations_by_replicate_id_and_vacuum_keeps_every_row_in_place()
    {
        string path = Path.Combine(_dir, "v3.db");
        var cells = SyntheticCells.Grid(4).Expand();
        List<ReplicateResult> before;
        using (var store = ResultStore.Open(path, create: true))
        {
            // Out of cell order, as parallel replicates finish: ids follow the writes, reads follow the cells.
            store.Write([.. cells.Reverse().Select(c => SyntheticCells.Run(c, CancellationToken.None))]);
            before = store.ReadAll().ToList();
        }

        Assert.Equal(cells.Length, before.Count);
        Assert.Contains("WITHOUT ROWID", (string)ScalarObject(path, "SELECT sql FROM sqlite_master WHERE name = 'evaluation_rows'"), StringComparison.Ordinal);
        Assert.Equal(before.Sum(r => (long)r.Evaluations.Length), Scalar(path, "SELECT COUNT(*) FROM evaluations"));
        Assert.Equal(0L, Scalar(path, "SELECT COUNT(*) FROM evaluation_rows WHERE replicate_id NOT IN (SELECT id FROM replicates)"));
        Scalar(path, "VACUUM");
        using var reopened = ResultStore.Open(path, create: false);
        Assert.Equal(before, reopened.ReadAll(), new ResultStoreTests.DeterministicEquality());
    }

    private static long Scalar(string path, string sql) => ScalarObject(path, sql) is long n ? n : 0;

    private static object ScalarObject(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() ?? DBNull.Value;
    }

    private static string? Meta(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema'";
        return cmd.ExecuteScalar() as string;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
}
