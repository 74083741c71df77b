using System.Diagnostics;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Runner.Slurm;

/// <summary>
/// Talks to Slurm through its command-line tools (sbatch, scontrol), found on PATH. A missing tool is a usage error
/// with one line saying how to get Slurm; a tool that fails is a run failure carrying its stderr.
/// </summary>
public sealed class SlurmClient
{
    private readonly string _sbatch;
    private readonly string _scontrol;

    private SlurmClient(string sbatch, string scontrol)
    {
        _sbatch = sbatch;
        _scontrol = scontrol;
    }

    /// <summary>Finds sbatch and scontrol on <paramref name="path"/> (the PATH variable's value).</summary>
    public static SlurmClient Find(string? path)
    {
        string? sbatch = Which("sbatch", path);
        string? scontrol = Which("scontrol", path);
        if (sbatch is null || scontrol is null)
        {
            throw new UsageException("slurm: sbatch/scontrol not found on PATH; install Slurm (Debian: apt-get install slurm-wlm munge; "
                + "a single-node cluster: experiments/slurm/start-single-node.sh) or use --dry-run to only write the job script");
        }

        return new SlurmClient(sbatch, scontrol);
    }

    /// <summary>Submits <paramref name="script"/> and waits for every array task to end (<c>sbatch --wait</c>); returns the job id.</summary>
    public string SubmitAndWait(string script, string workingDirectory)
    {
        var (exit, stdout, stderr) = Execute(_sbatch, ["--parsable", "--wait", script], workingDirectory);
        string id = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()?.Split(';')[0] ?? "";
        if (id.Length == 0 || !id.All(char.IsAsciiDigit))
        {
            throw new InvalidOperationException($"sbatch did not submit {script} (exit {exit}): {OneLine(stderr)}");
        }

        return id;
    }

    /// <summary>The end state of each task of array job <paramref name="jobId"/> (empty once Slurm has forgotten the job).</summary>
    public IReadOnlyList<SlurmTaskState> TaskStates(string jobId)
    {
        var (exit, stdout, _) = Execute(_scontrol, ["-o", "show", "job", jobId], null);
        return exit == 0 ? SlurmTaskState.Parse(stdout) : [];
    }

    private static (int Exit, string Out, string Err) Execute(string program, IReadOnlyList<string> args, string? workingDirectory)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var err = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, err.Result);
    }

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? Which(string tool, string? path) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
