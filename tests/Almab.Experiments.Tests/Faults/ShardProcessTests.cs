using Almab.Experiments.Cli;
using Almab.Experiments.Store;
using Almab.Experiments.Tests.Store;
using Almab.Experiments.Tests.Verbs;
using Microsoft.Data.Sqlite;

namespace Almab.Experiments.Tests.Faults;

/// <summary>
/// Shards run as separate processes at the same time, then <c>almab merge</c> (issue 18): the merged database equals a
/// single-process run row for row and gives the same claim verdicts; overlapping or mismatched shards are refused
/// with one line. Case 5's full method list with 6 replicates: under a second per process.
/// </summary>
public sealed class ShardProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-shards-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] Args(string output, params string[] extra) =>
        ["run", "case5-spatial-field", "--methods", "almab-dc-ucb,greedy-max-variance,lhs,random", "--replicates", "6", "--threads", "1", "--out", Path.Combine(_dir, output), "--no-report", "--no-progress", .. extra];

    private string Shard(string output, int i, int n) => Path.Combine(_dir, output, "case5-spatial-field", $"results-shard{i}of{n}.db");

    private (string One, string Two) RunShardsConcurrently(string output, params string[] extra)
    {
        using var one = AlmabProcess.Start(Args(output, ["--shard", "1/2", .. extra]));
        using var two = AlmabProcess.Start(Args(output, ["--shard", "2/2", .. extra]));
        Assert.True(one.WaitForExit(TimeSpan.FromMinutes(2)) == 0, one.Error);
        Assert.True(two.WaitForExit(TimeSpan.FromMinutes(2)) == 0, two.Error);
        return (Shard(output, 1, 2), Shard(output, 2, 2));
    }

    [Fact]
    public void Concurrent_shard_processes_merge_to_the_single_process_database_and_verdicts()
    {
        var (one, two) = RunShardsConcurrently("shards");
        string merged = Path.Combine(_dir, "merged.db");
        var (exit, output, error) = AlmabProcess.Run("merge", merged, one, two);
        Assert.True(exit == 0, error);

        Assert.Equal(0, AlmabProcess.Run(Args("single")).Exit);
        string single = Path.Combine(_dir, "single", "case5-spatial-field", "results.db");
        using (var s = ResultStore.Open(single, create: false))
        {
            Assert.Contains($"{s.CountReplicates()} replicate(s) added", output);
        }

        using (var a = ResultStore.Open(merged, create: false))
        using (var b = ResultStore.Open(single, create: false))
        {
            Assert.Equal(b.ReadAll(), a.ReadAll(), new ResultStoreTests.DeterministicEquality());
            Assert.Equal("1/1", a.GetMeta(RunProvenance.Shard));
            foreach (string key in RunProvenance.MustAgree)
            {
                Assert.Equal(b.GetMeta(key), a.GetMeta(key));
            }
        }

        Assert.Equal(0, AlmabProcess.Run("claims", merged, "--out", Path.Combine(_dir, "claims-merged")).Exit);
        Assert.Equal(0, AlmabProcess.Run("claims", single, "--out", Path.Combine(_dir, "claims-single")).Exit);
        string verdicts = File.ReadAllText(Path.Combine(_dir, "claims-single", "claims.csv"));
        Assert.Contains("reproduced", verdicts);
        Assert.Equal(verdicts, File.ReadAllText(Path.Combine(_dir, "claims-merged", "claims.csv")));
    }

    [Fact]
    public void Overlapping_or_mismatched_shards_are_refused_with_one_line_and_no_output()
    {
        var (one, two) = RunShardsConcurrently("a");
        string copy = Path.Combine(_dir, "copy-of-shard1.db");
        File.Copy(one, copy);
        var (_, otherSeed) = RunShardsConcurrently("seed", "--seed", "7");

        // Another case file: case 4's shard 2/2 of a small grid.
        Assert.Equal(0, AlmabProcess.Run("run", "case4-dose-response", "--replicates", "2", "--methods", "random", "--out", Path.Combine(_dir, "c4"),
            "--no-report", "--no-progress", "--shard", "2/2").Exit);
        string otherCase = Path.Combine(_dir, "c4", "case4-dose-response", "results-shard2of2.db");

        // Another Almab build: the same shard with its recorded version changed.
        string otherBuild = Path.Combine(_dir, "other-build.db");
        File.Copy(two, otherBuild);
        using (var connection = new SqliteConnection($"Data Source={otherBuild};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = '0.9.0+0000000' WHERE key = 'almab-version'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        foreach (var (second, expected) in new[]
        {
            (copy, "overlapping"), (one, "overlapping"), (otherSeed, "root-seed"), (otherCase, "case-id"), (otherBuild, "almab-version"),
        })
        {
            string merged = Path.Combine(_dir, $"refused-{Path.GetFileNameWithoutExtension(second)}.db");
            var (exit, output, error) = AlmabProcess.Run("merge", merged, one, second);
            Assert.True(exit == ExitCodes.Usage, $"{second}: exit {exit} {output} {error}");
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.StartsWith("almab: error:", error);
            Assert.Contains(expected, error);
            Assert.False(File.Exists(merged), $"{merged} was left behind");
        }
    }
}
