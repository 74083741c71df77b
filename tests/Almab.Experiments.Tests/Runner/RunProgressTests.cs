using Almab.Experiments.Runner;
using Spectre.Console;

namespace Almab.Experiments.Tests.Runner;

public sealed class RunProgressTests
{
    private static readonly ProgressGroup[] TwoGroups = [new("a K=1", 4), new("b K=1", 8)];

    [Fact]
    public void Plain_mode_prints_a_line_per_quarter_per_task_with_rate_and_eta_then_a_summary()
    {
        var time = new FakeTime();
        var writer = new StringWriter();
        using (var progress = RunProgress.Create(TwoGroups, writer, ProgressMode.Plain, stepPercent: 25, time: time))
        {
            // One unit a second, in grid order: task a at t = 1..4 s, task b at t = 5..12 s.
            for (int i = 0; i < 12; i++)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                progress.Advance(i < 4 ? 0 : 1);
            }
        }

        string[] expected =
        [
            "  a K=1: 1/4 (25 %), 1.00/s, ETA 00:03",
            "  a K=1: 2/4 (50 %), 1.00/s, ETA 00:02",
            "  a K=1: 3/4 (75 %), 1.00/s, ETA 00:01",
            "  a K=1: 4/4 (100 %), 1.00/s, done",
            // b's clock starts at a's last unit (t = 4 s), when the runner turned to it.
            "  b K=1: 2/8 (25 %), 1.00/s, ETA 00:06",
            "  b K=1: 4/8 (50 %), 1.00/s, ETA 00:04",
            "  b K=1: 6/8 (75 %), 1.00/s, ETA 00:02",
            "  b K=1: 8/8 (100 %), 1.00/s, done",
            "done: 12/12 replicates (100 %) in 00:12, 1.00/s",
        ];
        Assert.Equal(expected, Lines(writer));
    }

    [Fact]
    public void Plain_rate_and_eta_follow_the_task_speed()
    {
        var time = new FakeTime();
        var writer = new StringWriter();
        var progress = RunProgress.Create([new ProgressGroup("x", 10)], writer, ProgressMode.Plain, stepPercent: 50, time: time);
        for (int i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(0.4));
            progress.Advance(0);
        }

        time.Advance(TimeSpan.FromSeconds(90));
        progress.Complete();
        progress.Complete();
        // 5 units in 2 s = 2.5/s, 5 left = 2 s; the summary counts the 92 s since the start.
        Assert.Equal(["  x: 5/10 (50 %), 2.50/s, ETA 00:02", "stopped: 5/10 replicates (50 %) in 01:32, 0.05/s"], Lines(writer));
    }

    [Fact]
    public void Plain_rate_is_not_guessed_from_a_batch_arriving_at_once()
    {
        var time = new FakeTime();
        var writer = new StringWriter();
        var progress = RunProgress.Create([new ProgressGroup("x", 4)], writer, ProgressMode.Plain, stepPercent: 25, time: time);
        time.Advance(TimeSpan.FromMilliseconds(50));
        progress.Advance(0);
        time.Advance(TimeSpan.FromSeconds(1));
        progress.Advance(0);
        Assert.Equal(["  x: 1/4 (25 %), -, ETA -", "  x: 2/4 (50 %), 1.90/s, ETA 00:01"], Lines(writer));
    }

    [Fact]
    public void Off_mode_prints_only_the_summary()
    {
        var writer = new StringWriter();
        using (var progress = RunProgress.Create(TwoGroups, writer, ProgressMode.Off, time: new FakeTime()))
        {
            for (int i = 0; i < 12; i++)
            {
                progress.Advance(i % 2);
            }
        }

        var lines = Lines(writer);
        Assert.Single(lines);
        Assert.StartsWith("done: 12/12 replicates (100 %)", lines[0]);
    }

    [Fact]
    public void Concurrent_advances_are_all_counted_and_each_task_reports_100_percent_once()
    {
        var groups = Enumerable.Range(0, 6).Select(g => new ProgressGroup($"g{g}", 1000)).ToArray();
        var writer = new StringWriter();
        using (var progress = RunProgress.Create(groups, writer, ProgressMode.Plain, stepPercent: 10))
        {
            Parallel.For(0, 6000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => progress.Advance(i % 6));
        }

        var lines = Lines(writer);
        for (int g = 0; g < 6; g++)
        {
            Assert.Single(lines, l => l.StartsWith($"  g{g}: 1000/1000 (100 %)", StringComparison.Ordinal));
            Assert.Equal(10, lines.Count(l => l.StartsWith($"  g{g}: ", StringComparison.Ordinal)));
        }

        Assert.StartsWith("done: 6000/6000 replicates (100 %)", lines[^1]);
    }

    [Fact]
    public void Cell_groups_are_the_grid_cells_without_the_replicate_in_grid_order()
    {
        var cells = new GridSpec("c", ["tpe", "random"], [1, 4], [30], [0.0, 0.1], 3).Expand();
        var (groups, indexOf) = RunProgress.ForCells(cells);
        Assert.Equal(8, groups.Count);
        Assert.All(groups, g => Assert.Equal(3, g.Total));
        Assert.Equal("tpe K=1 noise=0", groups[0].Label);
        Assert.Equal("tpe K=1 noise=0.1", groups[1].Label);
        Assert.Equal("random K=4 noise=0.1", groups[7].Label);
        Assert.Equal(7, indexOf(new CellKey("c", "random", 4, 30, 0.1, 2)));

        var single = RunProgress.ForCells(new GridSpec("c", ["tpe"], [2], [30], [0.2], 5).Expand());
        Assert.Equal([new ProgressGroup("tpe K=2", 5)], single.Groups);
        Assert.Equal([new ProgressGroup("nothing to run", 0)], RunProgress.ForCells([]).Groups);
    }

    [Fact]
    public void A_writer_that_is_not_the_console_gets_plain_lines_and_no_progress_turns_them_off()
    {
        Assert.Equal(ProgressMode.Plain, RunProgress.ResolveMode(false, new StringWriter()));
        Assert.Equal(ProgressMode.Off, RunProgress.ResolveMode(true, new StringWriter()));
    }

    [Fact]
    public void The_live_display_leaves_a_final_frame_with_every_task_at_100_percent()
    {
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 140;
        var summary = new StringWriter();
        using (var progress = new LiveRunProgress(TwoGroups, console, summary, "replicates", TimeProvider.System))
        {
            for (int i = 0; i < 12; i++)
            {
                progress.Advance(i < 4 ? 0 : 1);
            }
        }

        // The last frame is what follows the last cursor move back up; it holds the "all" row and both tasks.
        string all = screen.ToString();
        string frame = all[all.LastIndexOf("all", StringComparison.Ordinal)..];
        Assert.Contains("100%", frame);
        Assert.Contains("12/12", frame);
        Assert.Contains("a K=1", frame);
        Assert.Contains("4/4", frame);
        Assert.Contains("b K=1", frame);
        Assert.Contains("8/8", frame);
        Assert.StartsWith("done: 12/12 replicates (100 %)", summary.ToString());
    }

    [Fact]
    public void Almab_run_into_a_log_prints_each_cell_group_reaching_100_percent_and_the_summary()
    {
        string dir = Directory.CreateTempSubdirectory("almab-progress-").FullName;
        try
        {
            var (exit, output, _) = Almab.Experiments.Tests.Verbs.CliRunner.Run(
                "run", "case5-spatial-field", "--methods", "lhs,random", "--workers", "1,2", "--replicates", "4", "--out", dir, "--no-report");
            Assert.Equal(0, exit);
            var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            foreach (string group in new[] { "lhs K=1", "lhs K=2", "random K=1", "random K=2" })
            {
                Assert.Single(lines, l => l.StartsWith($"  {group}: 4/4 (100 %), ", StringComparison.Ordinal));
                Assert.Single(lines, l => l.StartsWith($"  {group}: 2/4 (50 %), ", StringComparison.Ordinal));
            }

            Assert.Single(lines, l => l.StartsWith("done: 16/16 replicates (100 %) in ", StringComparison.Ordinal));

            // Resumed with nothing left: no task lines, the summary says so.
            var resumed = Almab.Experiments.Tests.Verbs.CliRunner.Run(
                "run", "case5-spatial-field", "--methods", "lhs,random", "--workers", "1,2", "--replicates", "4", "--out", dir, "--no-report", "--resume");
            Assert.Equal(0, resumed.Exit);
            Assert.Contains("done: 0/0 replicates (100 %)", resumed.Out);
            Assert.DoesNotContain("(100 %), ", resumed.Out);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
