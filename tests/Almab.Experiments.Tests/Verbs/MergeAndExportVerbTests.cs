using Almab.Experiments.Tests.Runner;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.AlmabDc.Verbs;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Tests.Verbs;

public sealed class MergeAndExportVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-verbs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Shard(int i, int n)
    {
        string path = Path.Combine(_dir, $"s{i}.db");
        using var store = ResultStore.Open(path, create: true);
        new ExperimentRunner(SyntheticCells.Run).Run(new Shard(i, n).Select(SyntheticCells.Grid(2).Expand()).ToList(), store, 1, null, CancellationToken.None);
        return path;
    }

    [Fact]
    public void Merge_then_export_round_trips_every_replicate()
    {
        string merged = Path.Combine(_dir, "all.db");
        var (exit, output, error) = CliRunner.Run("merge", merged, Shard(1, 2), Shard(2, 2));
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("16 replicate(s) added", output);

        (exit, output, _) = CliRunner.Run("export", merged, "--out", Path.Combine(_dir, "csv"));
        Assert.Equal(0, exit);
        Assert.Equal(17, File.ReadAllLines(Path.Combine(_dir, "csv", "replicates.csv")).Length);
    }

    [Fact]
    public void A_corrupt_shard_fails_with_one_line_and_creates_nothing()
    {
        string corrupt = Path.Combine(_dir, "corrupt.db");
        File.WriteAllText(corrupt, "not a database");
        string merged = Path.Combine(_dir, "out.db");
        var (exit, _, error) = CliRunner.Run("merge", merged, corrupt);
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("almab: error:", error);
        Assert.False(File.Exists(merged));
        Assert.Equal("not a database", File.ReadAllText(corrupt));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("export")]
    [InlineData("export", "missing.db")]
    [InlineData("merge", "only-output.db")]
    public void Bad_command_lines_exit_2_with_one_error_line(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args.Select(a => a.EndsWith(".db") ? Path.Combine(_dir, a) : a).ToArray());
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("almab: error:", error);
    }
}
