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
        using var store = ResultStore.Open(Path.Combine(folder, "results.db"), create: false);
        Assert.Equal(9, store.CountReplicates());
    }
}
