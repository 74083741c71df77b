using Almab.Experiments.Store;
using Almab.Experiments.Tests.Verbs;

namespace Almab.Experiments.Tests.Papers.Survey;

/// <summary>The <c>almab survey</c> command: bad input, store, resume and outputs.</summary>
public sealed class SurveyVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "almab-survey-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Unknown_part_and_too_few_replicates_are_usage_errors()
    {
        var (exit, _, err) = CliRunner.Run("survey", "nope", "--out", _dir);
        Assert.Equal(2, exit);
        Assert.StartsWith("almab: error: part 'nope' is not one of", err.Trim());
        (exit, _, err) = CliRunner.Run("survey", "faults", "--replicates", "1", "--out", _dir);
        Assert.Equal(2, exit);
        Assert.Contains("--replicates: must be >= 2", err);
    }

    [Theory]
    [InlineData("batch", "--batch-sizes", "1,0,4", "--batch-sizes: batch size B must be >= 1, got 0")]
    [InlineData("batch", "--batch-sizes", "4,16", "--batch-sizes: must include B = 1")]
    [InlineData("batch", "--batch-sizes", "1,x", "--batch-sizes: 'x' is not an integer")]
    [InlineData("federated", "--periods", "1,-3", "--periods: aggregation period P must be >= 1, got -3")]
    [InlineData("federated", "--periods", "10", "--periods: must include P = 1")]
    [InlineData("contextual", "--lambda", "0", "--lambda: ridge lambda must be finite and > 0, got 0")]
    [InlineData("contextual", "--lambda", "-0.5", "--lambda: ridge lambda must be finite and > 0, got -0.5")]
    [InlineData("contextual", "--lambda", "NaN", "--lambda: ridge lambda must be finite and > 0, got NaN")]
    public void Bad_survey_parameters_get_one_error_line_and_exit_2_before_anything_is_written(string part, string option, string value, string message)
    {
        var (exit, _, err) = CliRunner.Run("survey", part, option, value, "--replicates", "2", "--out", _dir, "--quiet");
        Assert.Equal(2, exit);
        Assert.StartsWith("almab: error: " + message, err.Trim());
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_dir, part)), "nothing may be written for a rejected command");
    }

    [Fact]
    public void Non_default_parameters_are_used_and_become_their_own_cells()
    {
        var (exit, output, err) = CliRunner.Run("survey", "batch", "--batch-sizes", "1,2", "--replicates", "2", "--out", _dir, "--quiet", "--threads", "1");
        Assert.True(exit == 0, err);
        Assert.Contains("ran 24 replicate(s)", output); // 3 methods x K = 5, 20 x B = 1, 2 x 2 replicates
        Assert.Contains("| batch-ucb | 5 | 2 |", output);
        (exit, output, err) = CliRunner.Run("survey", "contextual", "--lambda", "4", "--replicates", "2", "--out", _dir, "--quiet", "--threads", "1");
        Assert.True(exit == 0, err);
        using var store = ResultStore.Open(Path.Combine(_dir, "contextual", "results.db"), create: false);
        Assert.All(store.ReadAll(), r => Assert.Equal(4.0, r.Cell.Noise));
    }

    [Fact]
    public void Run_stores_replicates_writes_reports_and_resumes_without_redoing_work()
    {
        var (exit, output, err) = CliRunner.Run("survey", "contextual", "--replicates", "2", "--out", _dir, "--quiet", "--threads", "1");
        Assert.True(exit == 0, err);
        Assert.Contains("ran 6 replicate(s)", output);
        string folder = Path.Combine(_dir, "contextual");
        foreach (string file in new[] { "results.db", "report.md", "summary.csv", "claims.md", "series.csv", "contextual-regret.png", "contextual-regret.svg" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }

        // A second run without --resume refuses to mix experiments; with it, nothing is rerun.
        (exit, _, err) = CliRunner.Run("survey", "contextual", "--replicates", "2", "--out", _dir, "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("pass --resume", err);
        (exit, output, _) = CliRunner.Run("survey", "contextual", "--replicates", "3", "--out", _dir, "--quiet", "--resume", "--threads", "2");
        Assert.Equal(0, exit);
        Assert.Contains("6 already stored", output);
        Assert.Contains("ran 3 replicate(s)", output);
        using (var store = ResultStore.Open(Path.Combine(folder, "results.db"), create: false))
        {
            Assert.Equal(9, store.CountReplicates());
        }

        // The resumed database holds exactly what one uninterrupted run of 3 replicates stores.
        string whole = Path.Combine(_dir, "whole");
        (exit, _, err) = CliRunner.Run("survey", "contextual", "--replicates", "3", "--out", whole, "--quiet", "--threads", "1");
        Assert.True(exit == 0, err);
        (exit, output, err) = CliRunner.Run("diff", Path.Combine(folder, "results.db"), Path.Combine(whole, "contextual", "results.db"));
        Assert.True(exit == 0, output + err);
    }
}
