namespace Almab.Experiments.Runner;

/// <summary>How a run reports progress.</summary>
public enum ProgressMode
{
    /// <summary>A live Spectre.Console display redrawn in place (stdout is an interactive terminal).</summary>
    Live,

    /// <summary>One plain line per step of N % per task and a final summary line (CI logs, files, Slurm).</summary>
    Plain,

    /// <summary>Only the final summary line (<c>--no-progress</c>).</summary>
    Off,
}
