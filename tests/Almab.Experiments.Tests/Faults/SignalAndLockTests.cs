using Almab.Experiments.Cli;
using Almab.Experiments.Store;
using Almab.Experiments.Tests.Store;
using Almab.Experiments.Tests.Verbs;

namespace Almab.Experiments.Tests.Faults;

/// <summary>
/// Preemption (issue 18): SIGTERM and SIGINT sent for real to a running <c>almab run</c> child process, and two
/// processes on one output database. Small grids (case 1's GP method at K = 1, 320 and 800 replicates: a few seconds each).
/// </summary>
public sealed class SignalAndLockTests : IDisposable
{
    // Long enough that the signal sent at the 25 % line arrives before the run ends (160 replicates took 1.8 s here, the
    // 25 % line 0.7 s after the start).
    private const int Replicates = 320;

    // The lock test's first process must still be running when a second one, started at its 25 % line, opens the
    // database: at 160 replicates that left ~1.1 s for the second process's start, and CI once missed it.
    private const int LockReplicates = 800;

    private readonly string _dir = Directory.CreateTempSubdirectory("almab-signal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] Args(string output, params string[] extra) => Args(output, Replicates, extra);

    private string[] Args(string output, int replicates, params string[] extra) =>
        ["run", "case1-hpo", "--methods", "almab-dc-ucb", "--workers", "1", "--replicates", replicates.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", "2",
            "--out", Path.Combine(_dir, output), "--no-report", .. extra];

    private string Db(string output) => Path.Combine(_dir, output, "case1-hpo", "results.db");

    [Theory]
    [InlineData(15, "SIGTERM")]
    [InlineData(2, "SIGINT")]
    public void A_signal_checkpoints_exits_75_and_the_resumed_run_equals_an_uninterrupted_one(int signal, string name)
    {
        if (IgnoredAtStart(signal))
        {
            // A shell starts background jobs with SIGINT ignored, exec keeps that, and .NET (like any Unix program)
            // leaves an inherited SIG_IGN alone: the child then must run to the end undisturbed.
            using var ignoring = AlmabProcess.Start(Args("ignored"));
            Assert.True(ignoring.WaitForLine("(25 %)", TimeSpan.FromMinutes(2)), $"no progress line: {ignoring.Output}\n{ignoring.Error}");
            ignoring.Signal(signal);
            int code = ignoring.WaitForExit(TimeSpan.FromMinutes(2));
            Assert.True(code == 0, $"exit {code}: {ignoring.Output}\n{ignoring.Error}");
            Assert.DoesNotContain("interrupted", ignoring.Output);
            return;
        }

        using (var child = AlmabProcess.Start(Args("stopped")))
        {
            Assert.True(child.WaitForLine("(25 %)", TimeSpan.FromMinutes(2)), $"no progress line: {child.Output}\n{child.Error}");
            child.Signal(signal);
            int exit = child.WaitForExit(TimeSpan.FromMinutes(2));
            Assert.True(exit == ExitCodes.Interrupted, $"exit {exit}: {child.Output}\n{child.Error}");
            Assert.Contains($"interrupted by {name}", child.Output);
            Assert.Contains("--resume", child.Output);
            Assert.Equal("", child.Error);
        }

        // A clean checkpoint: the write-ahead log is empty (or gone) and the file alone holds whole replicates.
        string wal = Db("stopped") + "-wal";
        Assert.True(!File.Exists(wal) || new FileInfo(wal).Length == 0);
        long stored;
        using (var store = ResultStore.Open(Db("stopped"), create: false))
        {
            stored = store.CountReplicates();
        }

        Assert.InRange(stored, 1, Replicates - 1);

        var (resumed, output, error) = AlmabProcess.Run(Args("stopped", "--resume"));
        Assert.True(resumed == 0, output + error);
        Assert.Contains($"{stored} already stored", output);

        var (whole, _, _) = CliRunner.Run(Args("whole"));
        Assert.Equal(0, whole);
        using var a = ResultStore.Open(Db("stopped"), create: false);
        using var b = ResultStore.Open(Db("whole"), create: false);
        Assert.Equal(b.ReadAll(), a.ReadAll(), new ResultStoreTests.DeterministicEquality());
    }

    /// <summary>True when this process (and so every child it starts) ignores <paramref name="signal"/>: its bit in SigIgn.</summary>
    private static bool IgnoredAtStart(int signal)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return false;
        }

        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && (ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) >> (signal - 1) & 1) == 1;
    }

    [Fact]
    public void A_second_process_on_the_same_database_refuses_with_one_line_and_the_first_finishes()
    {
        using var first = AlmabProcess.Start(Args("shared", LockReplicates));
        Assert.True(first.WaitForLine("(25 %)", TimeSpan.FromMinutes(2)), first.Output + first.Error);

        var (exit, output, error) = AlmabProcess.Run(Args("shared", LockReplicates, "--resume"));
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("in use by another almab process", error);

        Assert.Equal(0, first.WaitForExit(TimeSpan.FromMinutes(2)));
        using var store = ResultStore.Open(Db("shared"), create: false);
        Assert.Equal(LockReplicates, store.CountReplicates());

        // The lock dies with its holder: a later run opens the database again.
        var (again, _, againError) = AlmabProcess.Run(Args("shared", LockReplicates, "--resume"));
        Assert.True(again == 0, againError);
    }
}
