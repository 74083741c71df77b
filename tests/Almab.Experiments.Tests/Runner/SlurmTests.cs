using Almab.Experiments.Runner.Slurm;
using Almab.Experiments.Tests.Verbs;

namespace Almab.Experiments.Tests.Runner;

public sealed class SlurmTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-slurm-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Scontrol_output_of_a_real_array_with_a_failed_task_is_parsed_per_task()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "slurm", "scontrol-show-job-array.txt"));
        var states = SlurmTaskState.Parse(text);
        Assert.Equal([1, 2, 3, 4], states.Select(s => s.Task));
        Assert.Equal(new SlurmTaskState(3, "FAILED", "3:0"), states[2]);
        Assert.Equal([true, true, false, true], states.Select(s => s.Succeeded));
    }

    [Fact]
    public void The_array_script_runs_shard_task_id_of_task_count_with_one_log_per_task()
    {
        var job = new SlurmArrayJob("almab-x", 4, ["/opt/almab", "run", "/cases/my case.json", "--seed", "7"], "/r/shards", "/r/logs", 2, ["--partition=short"]);
        string script = job.Script();
        Assert.StartsWith("#!/bin/bash\n", script);
        Assert.Contains("#SBATCH --array=1-4\n", script);
        Assert.Contains("#SBATCH --cpus-per-task=2\n", script);
        Assert.Contains("#SBATCH --output=/r/logs/task-%a.log\n", script);
        Assert.Contains("#SBATCH --partition=short\n", script);
        Assert.Contains("/opt/almab run '/cases/my case.json' --seed 7 --shard \"${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}\" --out /r/shards --threads 2 --no-report\n", script);
        Assert.Equal("/r/logs/task-3.log", job.LogPath(3));
        Assert.Equal("'it'\\''s'", SlurmArrayJob.Quote("it's"));
    }

    [Fact]
    public void Almab_slurm_without_sbatch_on_path_is_one_clear_line_and_exit_2()
    {
        var path = Almab.Experiments.Papers.AlmabDc.Verbs.SlurmVerb.SearchPath;
        try
        {
            Almab.Experiments.Papers.AlmabDc.Verbs.SlurmVerb.SearchPath = () => _dir;
            var (exit, output, error) = CliRunner.Run("slurm", "case5-spatial-field", "--tasks", "4", "--out", _dir);
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("almab: error: slurm: sbatch/scontrol not found on PATH", line);
            Assert.Empty(Directory.GetFileSystemEntries(_dir));
        }
        finally
        {
            Almab.Experiments.Papers.AlmabDc.Verbs.SlurmVerb.SearchPath = path;
        }
    }

    [Fact]
    public void Dry_run_writes_the_script_and_the_merge_command()
    {
        var (exit, output, _) = CliRunner.Run("slurm", "case5-spatial-field", "--tasks", "3", "--replicates", "2", "--methods", "lhs", "--out", _dir, "--dry-run");
        Assert.Equal(0, exit);
        string script = File.ReadAllText(Path.Combine(_dir, "case5-spatial-field", "slurm", "array.sh"));
        Assert.Contains("#SBATCH --array=1-3\n", script);
        Assert.Contains(" run ", script);
        Assert.Contains("--methods lhs --replicates 2 --seed 20260101 --shard", script);
        Assert.Contains("results-shard3of3.db", output);
        Assert.Contains("almab merge ", output);
        Assert.Equal(2, CliRunner.Run("slurm", "case5-spatial-field", "--tasks", "0", "--dry-run", "--out", _dir).Exit);
    }

    [Fact]
    public void Diff_accepts_equal_databases_and_names_the_cells_that_differ()
    {
        string[] common = ["run", "case5-spatial-field", "--methods", "lhs,random", "--workers", "1", "--no-progress", "--no-report"];
        Assert.Equal(0, CliRunner.Run([.. common, "--replicates", "3", "--out", Path.Combine(_dir, "a")]).Exit);
        Assert.Equal(0, CliRunner.Run([.. common, "--replicates", "3", "--threads", "1", "--out", Path.Combine(_dir, "b")]).Exit);
        Assert.Equal(0, CliRunner.Run([.. common, "--replicates", "2", "--seed", "5", "--out", Path.Combine(_dir, "c")]).Exit);
        string a = Path.Combine(_dir, "a", "case5-spatial-field", "results.db");
        string b = Path.Combine(_dir, "b", "case5-spatial-field", "results.db");
        string c = Path.Combine(_dir, "c", "case5-spatial-field", "results.db");

        var same = CliRunner.Run("diff", a, b);
        Assert.Equal(0, same.Exit);
        Assert.Equal("identical: 6 replicate(s) in both", same.Out.Trim());

        var different = CliRunner.Run("diff", a, c);
        Assert.Equal(1, different.Exit);
        Assert.Contains("differs: case5-spatial-field/lhs/K=1", different.Out);
        Assert.Contains("only in " + a + ": case5-spatial-field/lhs/K=1/N=30/noise=0.2/rep=2", different.Out);
        Assert.StartsWith("almab: error: ", different.Err);
    }
}
