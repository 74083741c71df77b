using System.Diagnostics;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Tests.Store;
using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Store;
using Almab.Experiments.Verbs;

using Almab.Experiments.Tests.Verbs;

namespace Almab.Experiments.Tests.Papers.AlmabDc.Verbs;

public sealed class RunVerbTests : IDisposable
{
    private const string Case = "illustrative-gaussian-mixture";
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db(string name) => Path.Combine(_dir, name, Case, "results.db");

    [Fact]
    public void Same_seed_gives_identical_results_at_any_thread_count()
    {
        Assert.Equal(0, CliRunner.Run("run", Case, "--replicates", "12", "--threads", "1", "--out", Path.Combine(_dir, "a"), "--no-progress").Exit);
        Assert.Equal(0, CliRunner.Run("run", Case, "--replicates", "12", "--threads", "4", "--out", Path.Combine(_dir, "b"), "--no-progress").Exit);
        using var a = ResultStore.Open(Db("a"), create: false);
        using var b = ResultStore.Open(Db("b"), create: false);
        Assert.Equal(24, a.CountReplicates());
        Assert.Equal(a.ReadAll(), b.ReadAll(), new ResultStoreTests.DeterministicEquality());
    }

    [Fact]
    public void Summary_prints_every_cell_and_the_paper_value()
    {
        var (exit, output, _) = CliRunner.Run("run", Case, "--replicates", "5", "--out", Path.Combine(_dir, "s"), "--no-progress");
        Assert.Equal(0, exit);
        Assert.Contains("ucb-averaging  1", output, StringComparison.Ordinal);
        Assert.Contains("ucb-averaging  4", output, StringComparison.Ordinal);
        Assert.Contains("4.812 (own emulator)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-case")]
    public void Unknown_case_is_one_line_exit_2(string name)
    {
        var (exit, _, err) = CliRunner.Run("run", name, "--out", _dir);
        Assert.Equal(2, exit);
        Assert.Contains("unknown case 'no-such-case'", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--workers", "0", "--workers: '0' is not an integer >= 1")]
    [InlineData("--workers", "1,,2", "--workers")]
    [InlineData("--replicates", "0", "--replicates: must be >= 1")]
    [InlineData("--budget", "-5", "--budget: '-5' is not an integer >= 1")]
    [InlineData("--noise", "NaN", "--noise: 'NaN' is not a finite number >= 0")]
    [InlineData("--methods", "nope", "unknown method 'nope'")]
    [InlineData("--shard", "3/2", "shard")]
    public void Bad_options_are_one_line_exit_2(string option, string value, string message)
    {
        var (exit, _, err) = CliRunner.Run("run", Case, option, value, "--out", _dir);
        Assert.Equal(2, exit);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void List_names_every_run_case_and_no_other_papers_case_files()
    {
        // Every paper's case files are shipped into one folder; the SH-RR grid's files once made 'almab list' fail.
        var (exit, output, err) = CliRunner.Run("list");
        Assert.Equal(0, exit);
        Assert.Equal("", err);
        foreach (string id in (string[])["case1-hpo", "case4-dose-response-best-observed-true", "case5-spatial-field", "illustrative-gaussian-mixture-cv01"])
        {
            Assert.Contains($"  {id} ", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("bai-", output, StringComparison.Ordinal);
        var (runExit, _, runErr) = CliRunner.Run("run", "bai-synthetic", "--out", _dir);
        Assert.Equal(2, runExit);
        Assert.Contains("not an 'almab run' case", runErr, StringComparison.Ordinal);
        Assert.Single(runErr.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_dir, "bai-synthetic")));
    }

    [Fact]
    public void Existing_results_are_never_overwritten_without_resume()
    {
        string outDir = Path.Combine(_dir, "keep");
        Assert.Equal(0, CliRunner.Run("run", Case, "--replicates", "3", "--out", outDir, "--no-progress").Exit);
        byte[] before = File.ReadAllBytes(Db("keep"));
        var (exit, _, err) = CliRunner.Run("run", Case, "--replicates", "5", "--out", outDir, "--no-progress");
        Assert.Equal(2, exit);
        Assert.Contains("--resume", err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Db("keep")));
        var (exitSeed, _, errSeed) = CliRunner.Run("run", Case, "--replicates", "5", "--out", outDir, "--resume", "--seed", "7", "--no-progress");
        Assert.Equal(2, exitSeed);
        Assert.Contains("--seed", errSeed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_killed_several_times_and_resumed_equals_an_uninterrupted_run()
    {
        string[] common = ["run", Case, "--replicates", "400", "--threads", "2", "--no-progress"];
        Assert.Equal(0, CliRunner.Run([.. common, "--out", Path.Combine(_dir, "ref")]).Exit);

        // The real program in a child process, killed (SIGKILL) at seeded random moments, then resumed.
        string dll = Path.Combine(AppContext.BaseDirectory, "almab.dll");
        var rng = new Seed(20261123).CreateRng();
        int kills = 0;
        for (int attempt = 0; attempt < 4; attempt++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in (string[])[dll, .. common, "--out", Path.Combine(_dir, "killed"), "--resume"])
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            if (!process.WaitForExit(150 + (int)(rng.NextDouble() * 600)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                kills++;
            }
        }

        Assert.True(kills >= 1, "the child always finished before it could be killed; raise the replicate count");
        Assert.Equal(0, CliRunner.Run([.. common, "--out", Path.Combine(_dir, "killed"), "--resume"]).Exit);
        using var reference = ResultStore.Open(Db("ref"), create: false);
        using var resumed = ResultStore.Open(Db("killed"), create: false);
        Assert.Equal(800, resumed.CountReplicates());
        Assert.Equal(reference.ReadAll(), resumed.ReadAll(), new ResultStoreTests.DeterministicEquality());
    }

    [Fact]
    public void Sharded_runs_merge_into_the_unsharded_result()
    {
        string[] common = ["run", Case, "--replicates", "6", "--no-progress"];
        Assert.Equal(0, CliRunner.Run([.. common, "--out", Path.Combine(_dir, "whole")]).Exit);
        Assert.Equal(0, CliRunner.Run([.. common, "--out", Path.Combine(_dir, "sh"), "--shard", "1/2"]).Exit);
        Assert.Equal(0, CliRunner.Run([.. common, "--out", Path.Combine(_dir, "sh"), "--shard", "2/2"]).Exit);
        string folder = Path.Combine(_dir, "sh", Case);
        string merged = Path.Combine(_dir, "merged.db");
        Assert.Equal(0, CliRunner.Run("merge", merged, Path.Combine(folder, "results-shard1of2.db"), Path.Combine(folder, "results-shard2of2.db")).Exit);
        using var whole = ResultStore.Open(Db("whole"), create: false);
        using var joined = ResultStore.Open(merged, create: false);
        Assert.Equal(whole.ReadAll(), joined.ReadAll(), new ResultStoreTests.DeterministicEquality());
    }

    [Fact]
    public void Run_writes_a_report_bundle_with_tables_png_and_svg_figures_claims_and_an_html_page()
    {
        Assert.Equal(0, CliRunner.Run("run", "case5-spatial-field", "--replicates", "4", "--out", _dir, "--no-progress").Exit);
        string report = Path.Combine(_dir, "case5-spatial-field", "report");
        string index = File.ReadAllText(Path.Combine(report, "index.md"));
        string[] figures = ["convergence-evaluations", "convergence-wallclock", "speedup", "field", "convergence-rate", "critical-difference"];
        foreach (string file in new[] { "summary.md", "summary.csv", "summary.tex", "claims.md" }.Concat(figures.SelectMany(f => new[] { f + ".png", f + ".svg" })))
        {
            Assert.True(File.Exists(Path.Combine(report, file)), file);
            Assert.Contains(file, index, StringComparison.Ordinal);
        }

        Assert.Contains("c5-almab-ipv", File.ReadAllText(Path.Combine(report, "claims.md")), StringComparison.Ordinal);
        string html = File.ReadAllText(Path.Combine(report, "index.html"));
        Assert.Equal(figures.Length, html.Split("<img ").Length - 1);
        Assert.Contains("id=\"file-claims-md\"", html, StringComparison.Ordinal);
        Assert.Contains("verdict verdict-", html, StringComparison.Ordinal);
    }
}
