using System.Globalization;
using System.Text;

namespace Almab.Experiments.Runner.Slurm;

/// <summary>
/// A Slurm job array that runs one grid as <see cref="Tasks"/> shards: task i (1-based, Slurm's
/// <c>SLURM_ARRAY_TASK_ID</c>) runs <c>almab run ... --shard i/N</c> (N = <c>SLURM_ARRAY_TASK_COUNT</c>) into its own
/// shard database; <c>almab merge</c> then combines them. Shard i of N takes every N-th cell of the grid order
/// (<see cref="Shard"/>), and seeds derive from the cell, so the merged database equals a single-process run.
/// </summary>
/// <param name="Name">Job name (<c>--job-name</c>).</param>
/// <param name="Tasks">Array size N (tasks 1..N).</param>
/// <param name="Command">The program and its arguments before the shard options (e.g. dotnet almab.dll run case5 ...).</param>
/// <param name="ShardFolder">Absolute folder the shard databases go to (passed as --out).</param>
/// <param name="LogFolder">Absolute folder of the per-task logs, task-&lt;i&gt;.log.</param>
/// <param name="CpusPerTask">CPUs Slurm gives each task (and --threads of its run).</param>
/// <param name="ExtraDirectives">Further <c>#SBATCH</c> options (partition, time), one per item, without the prefix.</param>
public sealed record SlurmArrayJob(string Name, int Tasks, IReadOnlyList<string> Command, string ShardFolder, string LogFolder,
    int CpusPerTask, IReadOnlyList<string> ExtraDirectives)
{
    /// <summary>The log file of array task <paramref name="task"/> (what <c>--output</c> expands to).</summary>
    public string LogPath(int task) => Path.Combine(LogFolder, string.Create(CultureInfo.InvariantCulture, $"task-{task}.log"));

    /// <summary>The batch script: #SBATCH header, then the shard's run.</summary>
    public string Script()
    {
        var b = new StringBuilder();
        b.Append("#!/bin/bash\n");
        b.Append("# Written by 'almab slurm': one array task per shard of the grid; 'almab merge' combines the shard databases.\n");
        b.Append(CultureInfo.InvariantCulture, $"#SBATCH --job-name={Name}\n");
        b.Append(CultureInfo.InvariantCulture, $"#SBATCH --array=1-{Tasks}\n");
        b.Append(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={CpusPerTask}\n");
        b.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={Path.Combine(LogFolder, "task-%a.log")}\n");
        foreach (string d in ExtraDirectives)
        {
            b.Append(CultureInfo.InvariantCulture, $"#SBATCH {d}\n");
        }

        b.Append("set -euo pipefail\n");
        b.Append("export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1\n");
        b.Append(string.Join(' ', Command.Select(Quote)));
        b.Append(CultureInfo.InvariantCulture,
            $" --shard \"${{SLURM_ARRAY_TASK_ID}}/${{SLURM_ARRAY_TASK_COUNT}}\" --out {Quote(ShardFolder)} --threads {CpusPerTask} --no-report\n");
        return b.ToString();
    }

    /// <summary>Single-quotes a word for bash.</summary>
    internal static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=,:+@%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
