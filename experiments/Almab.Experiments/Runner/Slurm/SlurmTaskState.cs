namespace Almab.Experiments.Runner.Slurm;

/// <summary>How one array task ended, as <c>scontrol show job</c> reports it.</summary>
/// <param name="Task">Array task id (1-based).</param>
/// <param name="State">Slurm job state, e.g. COMPLETED, FAILED, TIMEOUT, CANCELLED.</param>
/// <param name="ExitCode">Slurm's "exit:signal" pair, e.g. "0:0" or "1:0".</param>
public sealed record SlurmTaskState(int Task, string State, string ExitCode)
{
    /// <summary>True when the task completed with exit code 0.</summary>
    public bool Succeeded => State == "COMPLETED" && ExitCode == "0:0";

    /// <summary>
    /// Parses <c>scontrol -o show job &lt;array id&gt;</c> (one line per task, "Key=Value" words): ArrayTaskId, JobState
    /// and ExitCode of each line. Lines without an ArrayTaskId (the pending remainder of an array) are skipped.
    /// </summary>
    public static IReadOnlyList<SlurmTaskState> Parse(string scontrolOutput)
    {
        var states = new List<SlurmTaskState>();
        foreach (string line in scontrolOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = word.IndexOf('=');
                if (eq > 0)
                {
                    fields.TryAdd(word[..eq], word[(eq + 1)..]);
                }
            }

            if (fields.TryGetValue("ArrayTaskId", out string? id) && int.TryParse(id, out int task))
            {
                states.Add(new SlurmTaskState(task, fields.GetValueOrDefault("JobState", "UNKNOWN"), fields.GetValueOrDefault("ExitCode", "?")));
            }
        }

        return states.OrderBy(s => s.Task).ToList();
    }
}
