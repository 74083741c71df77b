using System.Diagnostics;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Spaces;
using Almab.Experiments.External;
using Almab.Experiments.Tests.Verbs;

namespace Almab.Experiments.Tests.External;

public sealed class ExternalOptimizerTests : IDisposable
{
    private static readonly SearchSpace Space = new([Parameter.Float("x", 0, 1), Parameter.Integer("n", 1, 4)]);
    private static readonly string Fake = Path.Combine(AppContext.BaseDirectory, "Fixtures", "external", "fake_optimizer.sh");
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-external-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ExternalOptimizer Start(string mode, string? log = null, double timeoutSeconds = 10) =>
        new("fake", ["/usr/bin/env", $"FAKE_MODE={mode}", $"FAKE_LOG={log ?? ""}", "/bin/sh", Fake], Space, 12345UL, TimeSpan.FromSeconds(timeoutSeconds));

    [Fact]
    public void Trials_come_from_the_process_may_be_pending_and_are_told_back_by_its_ids()
    {
        string log = Path.Combine(_dir, "requests.jsonl");
        using (var optimizer = Start("ok", log))
        {
            var first = optimizer.Ask(2);
            var second = optimizer.Ask(1);
            Assert.Equal([0, 1, 2], first.Concat(second).Select(t => t.Id));
            Assert.All(first.Concat(second), t => Assert.Equal(new Configuration([0.5, 2.0]), t.Configuration));
            Assert.Equal(0.001, optimizer.LastReportedAskSeconds);
            optimizer.Tell(second[0], new Observation(0.25));
            optimizer.Tell(first[1], new Observation(double.NaN, Failed: true));
            Assert.Throws<ArgumentException>(() => optimizer.Tell(second[0], new Observation(1)));
            Assert.Throws<ArgumentException>(() => optimizer.Tell(first[0], new Observation(double.PositiveInfinity)));
            Assert.Empty(optimizer.Ask(0));
        }

        var lines = File.ReadAllLines(log);
        Assert.Equal("""{"op":"init","protocol":1,"seed":12345,"direction":"minimize","space":[{"name":"x","kind":"float","low":0,"high":1,"log":false},{"name":"n","kind":"integer","low":1,"high":4,"log":false}]}""", lines[0]);
        Assert.Equal("""{"op":"ask","count":2}""", lines[1]);
        Assert.Equal("""{"op":"tell","id":2,"value":0.25}""", lines[3]);
        Assert.Equal("""{"op":"tell","id":1,"failed":true}""", lines[4]);
        Assert.Equal("""{"op":"close"}""", lines[^1]);
    }

    [Fact]
    public void Grid_and_categorical_parameters_are_described_with_their_levels_and_choices()
    {
        var space = new SearchSpace([Parameter.Grid("b", [32, 64]), Parameter.Categorical("act", ["relu", "tanh"]), Parameter.Float("lr", 1e-5, 1e-1, log: true)]);
        Assert.Equal("""[{"name":"b","kind":"grid","levels":[32,64]},{"name":"act","kind":"categorical","choices":["relu","tanh"]},{"name":"lr","kind":"float","low":1E-05,"high":0.1,"log":true}]""",
            ExternalOptimizer.DescribeSpace(space).ToJsonString());
    }

    [Theory]
    [InlineData("exit", "exited without replying to 'ask' (exit code 3); stderr: boom")]
    [InlineData("garbage", "replied to 'ask' with a line that is not a JSON object: 'hello world'")]
    [InlineData("error", "reported an error on 'ask': sampler broke")]
    [InlineData("outside", "trial 0 is outside the search space: (7.5, 2)")]
    [InlineData("short", "a trial needs an \"id\" and 2 \"params\"")]
    public void A_process_that_breaks_the_protocol_fails_with_one_clear_line(string mode, string expected)
    {
        using var optimizer = Start(mode);
        var e = Assert.Throws<ExternalOptimizerException>(() => optimizer.Ask(1));
        Assert.StartsWith("external optimizer 'fake': ", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Throws<ExternalOptimizerException>(() => optimizer.Ask(1)); // and stays failed
    }

    [Fact]
    public void A_stalled_process_fails_after_the_timeout_instead_of_hanging()
    {
        var clock = Stopwatch.StartNew();
        using (var optimizer = Start("stall", timeoutSeconds: 1))
        {
            var e = Assert.Throws<ExternalOptimizerException>(() => optimizer.Ask(1));
            Assert.Equal("external optimizer 'fake': no reply to 'ask' within 1 s (stalled)", e.Message);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}"); // bounded, not a speed test
    }

    [Fact]
    public void A_missing_program_is_a_clear_failure()
    {
        var e = Assert.Throws<ExternalOptimizerException>(() =>
            new ExternalOptimizer("fake", [Path.Combine(_dir, "no-such-program")], Space, 1, TimeSpan.FromSeconds(5)));
        Assert.StartsWith("external optimizer 'fake': could not start", e.Message);
    }

    [Fact]
    public void Almab_run_with_a_bridge_that_prints_garbage_exits_1_with_one_line()
    {
        string fake = Path.Combine(_dir, "python-fake.sh");
        File.WriteAllText(fake, $"#!/bin/sh\nFAKE_MODE=garbage exec /bin/sh '{Fake}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Environment.SetEnvironmentVariable("ALMAB_PYTHON", fake);
        try
        {
            var (exit, _, err) = CliRunner.Run("run", "case2-airfoil", "--methods", "optuna-tpe", "--workers", "1", "--replicates", "1",
                "--out", _dir, "--no-progress", "--no-report");
            Assert.Equal(1, exit);
            Assert.Equal("almab: failed: external optimizer 'optuna-tpe': replied to 'ask' with a line that is not a JSON object: 'hello world'", err.Trim());
        }
        finally
        {
            Environment.SetEnvironmentVariable("ALMAB_PYTHON", null);
        }
    }
}
