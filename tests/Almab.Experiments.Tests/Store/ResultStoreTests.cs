using Almab.Experiments.Tests.Runner;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Tests.Store;

public sealed class ResultStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_written_replicate_reads_back_identically_with_nan_preserved()
    {
        var cell = new CellKey("c", "m", 2, 5, 0.1, 3);
        var result = SyntheticCells.Run(cell, CancellationToken.None) with { CumulativeRegret = double.NaN };
        string path = Path.Combine(_dir, "r.db");
        using (var store = ResultStore.Open(path, create: true))
        {
            store.Write(result);
        }

        using var reopened = ResultStore.Open(path, create: false);
        var back = Assert.Single(reopened.ReadAll());
        Assert.True(ResultComparer.SameDeterministicContent(result, back));
        Assert.Equal(result.ComputeSeconds, back.ComputeSeconds);
        Assert.Contains(cell, reopened.FinishedCells());
    }

    [Fact]
    public void Writing_the_same_cell_twice_fails_and_keeps_the_first()
    {
        var cell = new CellKey("c", "m", 1, 4, 0, 0);
        var result = SyntheticCells.Run(cell, CancellationToken.None);
        using var store = ResultStore.Open(Path.Combine(_dir, "dup.db"), create: true);
        store.Write(result);
        Assert.ThrowsAny<Exception>(() => store.Write(result with { FinalMetric = -1 }));
        var back = Assert.Single(store.ReadAll());
        Assert.Equal(result.FinalMetric, back.FinalMetric);
        Assert.Equal(result.Evaluations.Length, back.Evaluations.Length);
    }

    [Fact]
    public void A_batch_is_all_or_nothing_and_the_store_stays_usable_after_a_failed_one()
    {
        var cells = Enumerable.Range(0, 5).Select(r => new CellKey("c", "m", 2, 4, 0, r)).ToList();
        var results = cells.Select(c => SyntheticCells.Run(c, CancellationToken.None)).ToList();
        using var store = ResultStore.Open(Path.Combine(_dir, "batch.db"), create: true);
        store.Write(results.Take(2).ToList());

        // Replicates 2 and 3 are new, 1 is a duplicate: the whole batch must be rolled back.
        Assert.ThrowsAny<Exception>(() => store.Write([results[2], results[3], results[1]]));
        Assert.Equal(2, store.CountReplicates());
        Assert.Equal(2 * results[0].Evaluations.Length, store.ReadAll().Sum(r => r.Evaluations.Length));

        store.Write(results.Skip(2).ToList());
        Assert.Equal(results, store.ReadAll(), new DeterministicEquality());
    }

    [Fact]
    public void A_corrupt_file_is_rejected_with_a_clear_message_and_left_untouched()
    {
        string path = Path.Combine(_dir, "corrupt.db");
        byte[] garbage = "this is not a database, but it is somebody's file"u8.ToArray();
        File.WriteAllBytes(path, garbage);
        var e = Assert.Throws<InvalidDataException>(() => ResultStore.Open(path, create: true));
        Assert.Contains("not an SQLite database", e.Message);
        Assert.Equal(garbage, File.ReadAllBytes(path));
    }

    [Fact]
    public void Creation_leaves_only_the_database_and_an_empty_file_left_by_a_killed_creation_is_created_afresh()
    {
        // A process killed between SQLite creating the file and the schema being written used to leave 0 bytes,
        // which every resume then refused (CI run of 2026-12-07). Creation now renames a whole file into place.
        string path = Path.Combine(_dir, "fresh.db");
        using (ResultStore.Open(path, create: true))
        {
        }

        Assert.Equal(["fresh.db"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order());

        string empty = Path.Combine(_dir, "empty.db");
        File.WriteAllBytes(empty, []);
        var cell = new CellKey("c", "m", 1, 4, 0, 0);
        using (var store = ResultStore.Open(empty, create: true))
        {
            store.Write(SyntheticCells.Run(cell, CancellationToken.None));
        }

        using var reopened = ResultStore.Open(empty, create: false);
        Assert.Contains(cell, reopened.FinishedCells());
        Assert.Equal(ResultStore.SchemaVersion, reopened.GetMeta("schema"));

        // Reading (no create) never writes: an empty file is refused as it is, not turned into a database.
        string readOnly = Path.Combine(_dir, "read.db");
        File.WriteAllBytes(readOnly, []);
        Assert.Throws<InvalidDataException>(() => ResultStore.Open(readOnly, create: false));
        Assert.Empty(File.ReadAllBytes(readOnly));
    }

    [Fact]
    public void A_foreign_sqlite_database_is_rejected()
    {
        string path = Path.Combine(_dir, "foreign.db");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t(x)";
            cmd.ExecuteNonQuery();
        }

        var e = Assert.Throws<InvalidDataException>(() => ResultStore.Open(path, create: false));
        Assert.Contains("not an Almab results database", e.Message);
    }

    [Fact]
    public void Merge_combines_shards_and_rejects_overlapping_or_disagreeing_ones()
    {
        var cells = SyntheticCells.Grid(3).Expand();
        var shards = new[] { new Shard(1, 2), new Shard(2, 2) };
        var paths = new List<string>();
        foreach (var shard in shards)
        {
            string p = Path.Combine(_dir, $"shard{shard.Index}.db");
            using var s = ResultStore.Open(p, create: true);
            new ExperimentRunner(SyntheticCells.Run).Run(shard.Select(cells).ToList(), s, 1, null, CancellationToken.None);
            paths.Add(p);
        }

        using var merged = ResultStore.Open(Path.Combine(_dir, "merged.db"), create: true);
        var sources = paths.Select(p => ResultStore.Open(p, create: false)).ToList();
        try
        {
            Assert.Equal(cells.Length, StoreMerger.Merge(merged, sources));
            // Merging the same shards again would hold every cell twice: refused, and nothing is written.
            var again = Assert.Throws<InvalidDataException>(() => StoreMerger.Merge(merged, sources));
            Assert.Contains("overlapping", again.Message);
            Assert.Equal(cells.Length, merged.CountReplicates());
        }
        finally
        {
            sources.ForEach(s => s.Dispose());
        }

        using var reference = ResultStore.Open(Path.Combine(_dir, "whole.db"), create: true);
        new ExperimentRunner(SyntheticCells.Run).Run(cells, reference, 2, null, CancellationToken.None);
        Assert.Equal(reference.ReadAll(), merged.ReadAll(), new DeterministicEquality());

        using var conflicting = ResultStore.Open(Path.Combine(_dir, "conflict.db"), create: true);
        conflicting.Write(SyntheticCells.Run(cells[0], CancellationToken.None) with { FinalMetric = 42 });
        Assert.Throws<InvalidDataException>(() => StoreMerger.Merge(merged, [conflicting]));
    }

    [Fact]
    public void Csv_export_writes_one_line_per_replicate_and_per_evaluation()
    {
        using var store = ResultStore.Open(Path.Combine(_dir, "csv.db"), create: true);
        var cells = SyntheticCells.Grid(2).Expand();
        new ExperimentRunner(SyntheticCells.Run).Run(cells, store, 1, null, CancellationToken.None);
        var files = CsvExporter.Export(store, Path.Combine(_dir, "csv"));
        Assert.Equal(cells.Length + 1, File.ReadAllLines(files[0]).Length);
        Assert.Equal(cells.Length * 12 + 1, File.ReadAllLines(files[1]).Length);
        Assert.StartsWith("case_id,method,workers", File.ReadLines(files[1]).First());
    }

    public sealed class DeterministicEquality : IEqualityComparer<ReplicateResult>
    {
        public bool Equals(ReplicateResult? x, ReplicateResult? y) =>
            x is not null && y is not null && ResultComparer.SameDeterministicContent(x, y);

        public int GetHashCode(ReplicateResult obj) => obj.Cell.GetHashCode();
    }
}
