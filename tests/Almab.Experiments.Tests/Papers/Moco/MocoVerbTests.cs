using Almab.Experiments.Papers.Moco;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Experiments.Tests.Verbs;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Tests.Papers.Moco;

/// <summary>`almab moco` end to end on a small grid: store, resume, shards, table, claims, and one-line errors.</summary>
public sealed class MocoVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "almab-moco-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private string[] Args(string output, params string[] extra) =>
        ["moco", "--problems", "bi-tsp-20", "--methods", "ws,dl,nsga2", "--instances", "2", "--out", output, "--quiet", "--threads", "2", .. extra];

    [Fact]
    public void Runs_stores_resumes_and_reports()
    {
        var (exit, output, err) = CliRunner.Run(Args(_dir));
        Assert.True(exit == 0, err);
        Assert.Contains("| bi-tsp-20 | dl | 2 |", output);
        Assert.True(File.Exists(Path.Combine(_dir, "summary.md")));
        foreach (string f in new[] { "convergence-evaluations", "convergence-virtual-time", "fronts-instance0" })
        {
            Assert.True(new FileInfo(Path.Combine(_dir, "figures", f + ".png")).Length > 1000, f);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(_dir, "figures", f + ".svg")));
        }

        Assert.Contains("D&L-TS above D&L-UCB", File.ReadAllText(Path.Combine(_dir, "claims.md")));
        using (var store = MergeVerb.OpenStore(Path.Combine(_dir, "results.db"), create: false))
        {
            Assert.Equal(6, store.CountReplicates());
        }

        var again = CliRunner.Run(Args(_dir));
        Assert.Equal(2, again.Exit);
        Assert.Contains("pass --resume", again.Err);
        var resumed = CliRunner.Run(Args(_dir, "--resume"));
        Assert.Equal(0, resumed.Exit);
        Assert.Contains("ran 0 replicate(s)", resumed.Out);
        var otherClock = CliRunner.Run(Args(_dir, "--resume", "--clock-sigma", "0.5"));
        Assert.Equal(2, otherClock.Exit);
        Assert.Contains("was made with --clock-sigma 0, not 0.5", otherClock.Err);
    }

    [Fact]
    public void Shards_merge_to_the_unsharded_results()
    {
        string whole = Path.Combine(_dir, "whole");
        string parts = Path.Combine(_dir, "parts");
        Assert.Equal(0, CliRunner.Run(Args(whole)).Exit);
        Assert.Equal(0, CliRunner.Run(Args(parts, "--shard", "1/2")).Exit);
        Assert.Equal(0, CliRunner.Run(Args(parts, "--shard", "2/2")).Exit);
        string merged = Path.Combine(parts, "results.db");
        Assert.Equal(0, CliRunner.Run("merge", merged, Path.Combine(parts, "results-shard1of2.db"), Path.Combine(parts, "results-shard2of2.db")).Exit);
        using var a = MergeVerb.OpenStore(Path.Combine(whole, "results.db"), create: false);
        using var b = MergeVerb.OpenStore(merged, create: false);
        var ra = a.ReadAll().OrderBy(r => r.Cell.ToString(), StringComparer.Ordinal).ToList();
        var rb = b.ReadAll().OrderBy(r => r.Cell.ToString(), StringComparer.Ordinal).ToList();
        Assert.Equal(ra.Select(r => (r.Cell, r.FinalMetric)), rb.Select(r => (r.Cell, r.FinalMetric)));
        Assert.Equal(ra.Select(r => r.Evaluations[^1].Configuration), rb.Select(r => r.Evaluations[^1].Configuration));
    }

    [Theory]
    [InlineData("--problems", "bi-tsp-30", "Bi-TSP defines sizes 20, 50, 100; 30 is not one of them")]
    [InlineData("--problems", "quad-tsp-20", "unknown MOCO problem 'quad-tsp'")]
    [InlineData("--methods", "lkh", "unknown MOCO method 'lkh'")]
    [InlineData("--instances", "0", "--instances: must be >= 1")]
    [InlineData("--noise", "-1", "--noise: must be a finite number >= 0")]
    [InlineData("--clock-sigma", "NaN", "--clock-sigma: must be a finite number >= 0")]
    public void Bad_input_is_one_line_and_exit_2(string option, string value, string message)
    {
        var (exit, _, err) = CliRunner.Run("moco", option, value, "--out", _dir, "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains(message, err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void Cell_results_do_not_depend_on_the_thread_count_or_other_cells()
    {
        var runner = new MocoCellRunner(new Almab.Algorithms.Randomness.Seed(5));
        var cell = new CellKey("bi-kp-50", "dl-ts", 2, 2000, 0.0, 1);
        var a = runner.Run(cell, CancellationToken.None);
        runner.Run(new CellKey("bi-kp-50", "nsga2", 1, 2000, 0.0, 1), CancellationToken.None);
        var b = runner.Run(cell, CancellationToken.None);
        Assert.Equal(a.FinalMetric, b.FinalMetric);
        Assert.Equal(a.Evaluations.Select(e => e.Metric), b.Evaluations.Select(e => e.Metric));
        Assert.Equal(MocoCellRunner.Checkpoints, a.Evaluations.Length);
        Assert.True(a.MakespanSeconds > 0);
        var slow = new MocoCellRunner(new Almab.Algorithms.Randomness.Seed(5), clockSigma: 0.8).Run(cell, CancellationToken.None);
        // Variable evaluation times reorder arrivals on K = 2 workers: the virtual clock changes, the replicate stays reproducible.
        Assert.NotEqual(a.MakespanSeconds, slow.MakespanSeconds);
        var slowAgain = new MocoCellRunner(new Almab.Algorithms.Randomness.Seed(5), clockSigma: 0.8).Run(cell, CancellationToken.None);
        Assert.Equal(slow.Evaluations.Select(e => (e.Metric, e.VirtualSeconds)), slowAgain.Evaluations.Select(e => (e.Metric, e.VirtualSeconds)));
    }
}
