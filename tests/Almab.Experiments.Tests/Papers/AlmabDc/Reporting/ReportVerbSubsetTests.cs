using Almab.Experiments.Tests.Verbs;
using Almab.Experiments.Papers.AlmabDc.Reporting;
using Almab.Experiments.Reporting;


namespace Almab.Experiments.Tests.Papers.AlmabDc.Reporting;

/// <summary>The report of a database holding only methods outside the case's method list (the audit's crash).</summary>
public sealed class ReportVerbSubsetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-report-subset-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Report_of_a_database_with_only_methods_outside_the_case_list_is_written()
    {
        // case5-spatial-field lists almab-dc-ucb, greedy-max-variance, lhs and random; tpe is not among them.
        var run = CliRunner.Run("run", "case5-spatial-field", "--methods", "tpe", "--replicates", "3", "--out", _dir, "--no-progress", "--no-report");
        Assert.Equal(0, run.Exit);
        string db = Path.Combine(_dir, "case5-spatial-field", "results.db");
        string report = Path.Combine(_dir, "report");

        var (exit, output, err) = CliRunner.Run("report", db, "--out", report);

        Assert.True(exit == 0, $"exit {exit}: {err}");
        Assert.Contains("report: ", output, StringComparison.Ordinal);
        string index = File.ReadAllText(Path.Combine(report, "index.md"));
        Assert.Contains("Methods in this database: tpe.", index, StringComparison.Ordinal);
        Assert.Contains("over 3 replicates per method, K = 1", index, StringComparison.Ordinal);
        Assert.Contains("the 26 locations tpe chose", index, StringComparison.Ordinal);
        Assert.Contains("tpe", File.ReadAllText(Path.Combine(report, "summary.md")), StringComparison.Ordinal);
        foreach (string figure in new[] { "convergence-evaluations", "convergence-wallclock", "speedup", "field", "convergence-rate" })
        {
            Assert.True(File.Exists(Path.Combine(report, figure + ".svg")), figure);
        }

        // With the case's own methods absent, every case-5 claim is "not run" rather than a crash.
        Assert.DoesNotContain("**reproduced**", File.ReadAllText(Path.Combine(report, "claims.md")), StringComparison.Ordinal);
    }
}
