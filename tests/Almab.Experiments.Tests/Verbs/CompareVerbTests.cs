using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Store;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Tests.Verbs;

public sealed class CompareVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-compare-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Baseline()
    {
        Assert.Equal(0, CliRunner.Run("run", "illustrative-gaussian-mixture", "--replicates", "20", "--out", _dir, "--no-progress").Exit);
        return Path.Combine(_dir, "illustrative-gaussian-mixture", "results.db");
    }

    [Fact]
    public void Identical_results_pass()
    {
        string db = Baseline();
        string copy = Path.Combine(_dir, "copy.db");
        File.Copy(db, copy);
        var (exit, output, _) = CliRunner.Run("compare", db, copy);
        Assert.Equal(0, exit);
        Assert.Contains("no quantity got significantly worse", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_degraded_method_is_detected_and_named()
    {
        string db = Baseline();
        string degraded = Path.Combine(_dir, "degraded.db");
        using (var source = ResultStore.Open(db, create: false))
        using (var target = ResultStore.Open(degraded, create: true))
        {
            foreach (var r in source.ReadAll())
            {
                // One method at K = 4 loses 10 % (cumulative regret is lower-is-better): a real, moderate regression.
                target.Write(r.Cell.Workers == 4 ? r with { FinalMetric = r.FinalMetric * 1.1 } : r);
            }
        }

        var (exit, output, _) = CliRunner.Run("compare", db, degraded);
        Assert.Equal(1, exit);
        Assert.Contains("ucb-averaging/K=4/N=150/noise=0.3 cumulative-regret", output.Split('\n').Single(l => l.EndsWith("WORSE", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), l => l.Contains("K=1", StringComparison.Ordinal) && l.EndsWith("WORSE", StringComparison.Ordinal));
    }

    [Fact]
    public void An_improvement_is_not_a_regression()
    {
        string db = Baseline();
        string better = Path.Combine(_dir, "better.db");
        using (var source = ResultStore.Open(db, create: false))
        using (var target = ResultStore.Open(better, create: true))
        {
            foreach (var r in source.ReadAll())
            {
                target.Write(r with { FinalMetric = r.FinalMetric * 0.8 });
            }
        }

        Assert.Equal(0, CliRunner.Run("compare", db, better).Exit);
    }

    [Fact]
    public void Corrupt_database_is_one_line_exit_2()
    {
        string bad = Path.Combine(_dir, "bad.db");
        File.WriteAllText(bad, "not a database");
        var (exit, _, err) = CliRunner.Run("compare", bad, bad);
        Assert.Equal(2, exit);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Equal("not a database", File.ReadAllText(bad));
    }
}
