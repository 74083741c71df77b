using System.Globalization;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Experiments.Tests.Faults;
using Almab.Experiments.Tests.Runner;
using Microsoft.Data.Sqlite;

namespace Almab.Experiments.Tests.Store;

/// <summary>
/// Store schema 2 (crashed_attempts) against a database that Almab with schema 1 wrote
/// (Fixtures/store/results-schema1.db, made by generate_schema1_fixture.sh at main ea9171a, together with that
/// version's own CSV export of it): the old database opens, is upgraded in place, and reads back exactly what the old
/// version exported, with the crash count "not recorded"; a newer schema is still refused.
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
            cmd.CommandText = "UPDATE meta SET value = 'almab-results-3' WHERE key = 'schema'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        string before = Posix.Checksum(path);
        var e = Assert.Throws<InvalidDataException>(() => ResultStore.Open(path, create: false));
        Assert.Contains("newer Almab", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(before, Posix.Checksum(path));
    }

    [Fact]
    public void New_stores_keep_evaluations_in_their_key_b_tree_and_old_rowid_stores_merge_with_them_row_for_row()
    {
        // The fixture was written with the rowid layout (a table plus a separate primary-key index); stores created now
        // hold evaluations WITHOUT ROWID. The layout must be invisible: an upgraded old store keeps its layout, and
        // merging it into a new store gives back exactly its rows.
        string old = Path.Combine(_dir, "old.db");
        File.Copy(Fixture("results-schema1.db"), old);
        string merged = Path.Combine(_dir, "merged.db");
        using (var source = ResultStore.Open(old, create: false))
        using (var target = ResultStore.Open(merged, create: true))
        {
            Assert.True(StoreMerger.Merge(target, [source]) > 0);
            Assert.Equal(source.ReadAll(), target.ReadAll(), new ResultStoreTests.DeterministicEquality());
        }

        Assert.DoesNotContain("WITHOUT ROWID", EvaluationsSql(old), StringComparison.Ordinal);
        Assert.Contains("WITHOUT ROWID", EvaluationsSql(merged), StringComparison.Ordinal);
    }

    private static string EvaluationsSql(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'evaluations'";
        return (string)cmd.ExecuteScalar()!;
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
