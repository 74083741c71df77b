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
        Assert.Contains("| bi-tsp-20 | dl | 17000 | 2 |", output);
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

    [Fact]
    public void Parego_runs_on_small_sizes_with_its_budget_stated_and_an_equal_budget_comparison()
    {
        var (exit, output, err) = CliRunner.Run(
            "moco", "--problems", "bi-tsp-20,bi-tsp-50", "--methods", "dl,nsga2,parego", "--instances", "2", "--out", _dir, "--quiet", "--threads", "2");
        Assert.True(exit == 0, err);
        Assert.Contains("not run (parego is for the small sizes): parego on bi-tsp-50", output);
        Assert.Contains("| bi-tsp-20 | parego | 1700 | 2 |", output);
        Assert.Contains("| bi-tsp-20 | dl | 17000 | 2 |", output);
        Assert.DoesNotContain("| bi-tsp-50 | parego", output);
        Assert.Contains("| bi-tsp-20 | 1700 | dl | 2 |", output);    // extra D&L runs given ParEGO's budget
        Assert.Contains("| bi-tsp-20 | 1700 | nsga2 | 2 |", output); // NSGA-II read from its trace at 1,700
        Assert.Contains("| bi-tsp-20 | 17000 | 1700 |", File.ReadAllText(Path.Combine(_dir, "summary.md")));
        Assert.Contains("5. D&L outperforms the Bayesian baseline (ParEGO)", File.ReadAllText(Path.Combine(_dir, "claims.md")));
        using var store = MergeVerb.OpenStore(Path.Combine(_dir, "results.db"), create: false);
        Assert.Equal(12, store.CountReplicates()); // 2 problems x (dl, nsga2) x 2 + parego 2 + dl at 1,700 x 2
        var extra = store.ReadAll().Single(r => r.Cell is { Method: "dl", Budget: 1700, Replicate: 0 });
        var nsga = store.ReadAll().Single(r => r.Cell is { CaseId: "bi-tsp-20", Method: "nsga2", Replicate: 0 });
        Assert.Equal(1699, extra.Evaluations[^1].Index);
        Assert.NotNull(MocoBudgetTable.At(nsga, 1700));
    }

    [Fact]
    public void Parego_alone_on_a_large_size_or_a_bad_divisor_is_a_usage_error()
    {
        var large = CliRunner.Run("moco", "--problems", "bi-kp-100", "--methods", "parego", "--out", _dir, "--quiet");
        Assert.Equal(2, large.Exit);
        Assert.Contains("almab: error: nothing to run: parego on bi-kp-100", large.Err);
        Assert.Single(large.Err.Trim().Split('\n'));
        var divisor = CliRunner.Run("moco", "--parego-divisor", "3", "--out", _dir, "--quiet");
        Assert.Equal(2, divisor.Exit);
        Assert.Contains("--parego-divisor: must be one of 1, 2, 4, 5, 8, 10, 20, 40", divisor.Err);
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

    [Theory]
    [InlineData("bi-tsp-20", "--weights", "0.5,0.5;;1,0", "bi-tsp-20: --weights: weight vector 2 is empty")]
    [InlineData("bi-tsp-20", "--weights", "0,0", "bi-tsp-20: weight vector is all zeros")]
    [InlineData("bi-tsp-20", "--weights", "1,1,1", "bi-tsp-20: weight vector has 3 entries but the problem has 2 objectives")]
    [InlineData("tri-tsp-20", "--reference", "15,15", "--reference: tri-tsp-20 has 3 objectives, but 2 value(s) were given")]
    [InlineData("bi-tsp-20", "--reference", "20,-1", "bi-tsp-20: reference point must be worse than the ideal point in every objective (minimization): objective 1 has ideal 0 and reference -1")]
    [InlineData("bi-kp-50", "--ideal", "-10,-10", "bi-kp-50: reference point must be worse than the ideal point")]
    [InlineData("bi-kp-50", "--capacity", "0.0001", "bi-kp-50: infeasible knapsack capacity 0.0001: no item fits")]
    [InlineData("bi-cvrp-20", "--capacity", "5", "bi-cvrp-20: infeasible CVRP capacity 5: customer")]
    [InlineData("bi-cvrp-20", "--capacity", "30.5", "--capacity: Bi-CVRP vehicle capacities are whole numbers")]
    [InlineData("bi-tsp-20", "--capacity", "3", "--capacity: bi-tsp-20 has no capacity")]
    [InlineData("bi-tsp-20", "--reference", "20,x", "--reference: 'x' is not a finite number")]
    public void Bad_definitions_are_one_line_and_exit_2(string problem, string option, string value, string message)
    {
        var (exit, _, err) = CliRunner.Run("moco", "--problems", problem, "--methods", "dl", "--instances", "2", option, value, "--out", _dir, "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("almab: error: " + message, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(_dir, "results.db"))); // checked before anything is stored
    }

    [Fact]
    public void Definitions_from_the_command_line_are_used_stated_and_pinned_for_resume()
    {
        string[] run = ["moco", "--problems", "bi-kp-50", "--methods", "dl,nsga2", "--instances", "2", "--out", _dir, "--quiet",
            "--capacity", "20", "--reference", "-10,-10", "--weights", "1,0;0.5,0.5;0,1"];
        var (exit, _, err) = CliRunner.Run(run);
        Assert.True(exit == 0, err);
        string summary = File.ReadAllText(Path.Combine(_dir, "summary.md"));
        Assert.Contains("Command-line definitions (not the benchmark's): reference=-10,-10 capacity=20 weights=1,0;0.5,0.5;0,1.", summary);
        Assert.Contains("| bi-kp-50 | 10000 | not run | (-20.5, -20.5) | (-10, -10) |", summary);
        var again = CliRunner.Run([.. run.Where(a => a != "20").Select(a => a == "--capacity" ? "--resume" : a)]);
        Assert.Equal(2, again.Exit);
        Assert.Contains("was made with definitions 'reference=-10,-10 capacity=20 weights=1,0;0.5,0.5;0,1'", again.Err);
        var resumed = CliRunner.Run([.. run, "--resume"]);
        Assert.Equal(0, resumed.Exit);
        Assert.Contains("ran 0 replicate(s)", resumed.Out);
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
