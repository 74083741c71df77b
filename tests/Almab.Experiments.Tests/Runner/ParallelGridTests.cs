using System.Collections.Concurrent;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Tests.Runner;

public sealed class ParallelGridTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Every_result_is_written_exactly_once_at_any_thread_count(int threads)
    {
        var cells = Enumerable.Range(0, 500).ToList();
        var written = new List<int>();
        var finished = new ConcurrentBag<int>();
        ParallelGrid.Run(cells, threads, (c, _) => c * c, batch => written.AddRange(batch), finished.Add, "test.db", CancellationToken.None);

        Assert.Equal(cells.Select(c => c * c), written.Order());
        Assert.Equal(cells.Select(c => c * c), finished.Order());
    }

    [Fact]
    public async Task A_failing_writer_stops_the_run_with_the_store_named_and_never_hangs()
    {
        var cells = Enumerable.Range(0, 10_000).ToList();
        int batches = 0;
        var written = new List<int>();
        var run = Task.Run(() => ParallelGrid.Run(cells, 4, (c, _) => c, batch =>
        {
            if (++batches == 3)
            {
                throw new IOException("disk full");
            }

            written.AddRange(batch);
        }, null, "/data/results.db", CancellationToken.None));

        // A hang (compute threads blocked on the bounded queue) would fail here instead of blocking the suite.
        var finishedFirst = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finishedFirst == run, "the run did not stop after the writer failed");
        var error = await Assert.ThrowsAsync<IOException>(() => run);
        Assert.Contains("/data/results.db", error.Message);
        Assert.Contains("disk full", error.Message);
        Assert.True(written.Count < cells.Count);
        Assert.Equal(written.Count, written.Distinct().Count());
    }

    [Fact]
    public void A_failing_cell_propagates_and_what_was_written_stays_written()
    {
        var cells = Enumerable.Range(0, 200).ToList();
        var written = new ConcurrentBag<int>();
        var error = Assert.ThrowsAny<Exception>(() => ParallelGrid.Run(cells, 1, (c, _) =>
            c == 150 ? throw new InvalidOperationException("objective returned NaN") : c,
            batch => { foreach (var r in batch) { written.Add(r); } }, null, "test.db", CancellationToken.None));

        Assert.Contains("objective returned NaN", error is AggregateException a ? a.InnerExceptions[0].Message : error.Message);
        Assert.DoesNotContain(150, written);
        Assert.All(written, r => Assert.True(r < 150));
        Assert.NotEmpty(written);
    }
}
