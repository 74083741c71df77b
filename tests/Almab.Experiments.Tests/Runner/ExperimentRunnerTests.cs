using Almab.Experiments.Tests.Store;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Tests.Runner;

public sealed class ExperimentRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-runner-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Grid_order_is_method_then_workers_then_budget_then_noise_then_replicate()
    {
        var cells = SyntheticCells.Grid(2).Expand();
        Assert.Equal(2 * 2 * 1 * 2 * 2, cells.Length);
        Assert.Equal(new CellKey("synthetic", "a", 1, 12, 0.0, 0), cells[0]);
        Assert.Equal(new CellKey("synthetic", "a", 1, 12, 0.0, 1), cells[1]);
        Assert.Equal(new CellKey("synthetic", "a", 1, 12, 0.1, 0), cells[2]);
        Assert.Equal(new CellKey("synthetic", "a", 4, 12, 0.0, 0), cells[4]);
        Assert.Equal(new CellKey("synthetic", "b", 1, 12, 0.0, 0), cells[8]);
    }

    [Fact]
    public void Shards_partition_the_grid()
    {
        var cells = SyntheticCells.Grid(5).Expand();
        var union = Enumerable.Range(1, 3).SelectMany(i => new Shard(i, 3).Select(cells)).ToList();
        Assert.Equal(cells.Length, union.Count);
        Assert.Equal(cells.ToHashSet(), union.ToHashSet());
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    public void Bad_shard_specs_are_usage_errors(string text)
    {
        Assert.Throws<Almab.Experiments.Cli.UsageException>(() => Shard.Parse(text));
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var cells = SyntheticCells.Grid(4).Expand();
        using var one = ResultStore.Open(Path.Combine(_dir, "t1.db"), create: true);
        using var two = ResultStore.Open(Path.Combine(_dir, "t2.db"), create: true);
        new ExperimentRunner(SyntheticCells.Run).Run(cells, one, 1, null, CancellationToken.None);
        new ExperimentRunner(SyntheticCells.Run).Run(cells, two, 2, null, CancellationToken.None);
        Assert.Equal(one.ReadAll(), two.ReadAll(), new ResultStoreTests.DeterministicEquality());
    }

    [Fact]
    public void A_run_cancelled_repeatedly_and_resumed_equals_an_uninterrupted_run()
    {
        var cells = SyntheticCells.Grid(6).Expand();
        using var reference = ResultStore.Open(Path.Combine(_dir, "ref.db"), create: true);
        new ExperimentRunner(SyntheticCells.Run).Run(cells, reference, 2, null, CancellationToken.None);

        string path = Path.Combine(_dir, "resumed.db");
        int[] stopAfter = [3, 7, 1, 11];
        foreach (int stop in stopAfter)
        {
            using var cts = new CancellationTokenSource();
            int written = 0;
            using var store = ResultStore.Open(path, create: true);
            long before = store.CountReplicates();
            try
            {
                // One commit per replicate (no commit interval), so that every cancelled attempt has stored some:
                // synthetic cells are so fast that one 50 ms commit would take the whole grid at once.
                new ExperimentRunner(SyntheticCells.Run) { CommitInterval = TimeSpan.Zero }.Run(cells, store, 2, _ =>
                {
                    if (++written == stop)
                    {
                        cts.Cancel();
                    }
                }, cts.Token);
            }
            catch (OperationCanceledException)
            {
            }

            Assert.True(store.CountReplicates() > before);
        }

        using (var store = ResultStore.Open(path, create: false))
        {
            new ExperimentRunner(SyntheticCells.Run).Run(cells, store, 1, null, CancellationToken.None);
        }

        using var resumed = ResultStore.Open(path, create: false);
        Assert.Equal(reference.ReadAll(), resumed.ReadAll(), new ResultStoreTests.DeterministicEquality());
    }

    [Fact]
    public void A_cell_that_fails_stops_the_run_keeps_what_was_written_and_a_resume_completes_it()
    {
        var cells = SyntheticCells.Grid(6).Expand().ToList();
        var poisoned = cells[cells.Count / 2];
        string path = Path.Combine(_dir, "failing.db");
        using (var store = ResultStore.Open(path, create: true))
        {
            // What an objective returning NaN looks like to the runner: the cell throws (OptimizationRun's message).
            var e = Assert.ThrowsAny<Exception>(() => new ExperimentRunner((cell, token) => cell == poisoned
                ? throw new InvalidOperationException("objective 'x' returned an unusable observation for trial 3: observation value must be finite, got NaN")
                : SyntheticCells.Run(cell, token)).Run(cells, store, 1, null, CancellationToken.None));
            Assert.Contains("got NaN", e.ToString());

            // One thread runs the cells in grid order: exactly the cells before the failing one are stored, whole.
            Assert.Equal(cells.Take(cells.Count / 2).ToHashSet(), store.FinishedCells());
        }

        using (var store = ResultStore.Open(path, create: false))
        {
            new ExperimentRunner(SyntheticCells.Run).Run(cells, store, 2, null, CancellationToken.None);
        }

        using var reference = ResultStore.Open(Path.Combine(_dir, "reference.db"), create: true);
        new ExperimentRunner(SyntheticCells.Run).Run(cells, reference, 1, null, CancellationToken.None);
        using var resumed = ResultStore.Open(path, create: false);
        Assert.Equal(reference.ReadAll(), resumed.ReadAll(), new ResultStoreTests.DeterministicEquality());
    }
}
