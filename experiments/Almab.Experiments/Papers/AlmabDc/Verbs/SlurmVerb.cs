using System.CommandLine;
using System.Globalization;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Runner.Slurm;
using Almab.Experiments.Store;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Papers.AlmabDc.Verbs;

/// <summary>
/// <c>almab slurm &lt;case&gt; --tasks N</c>: runs a case grid as a Slurm job array. Writes
/// <c>&lt;out&gt;/&lt;case&gt;/slurm/array.sh</c> (task i runs <c>almab run --shard i/N --resume</c> into
/// <c>slurm/shards/</c>, logging to <c>slurm/logs/task-i.log</c>), submits it with <c>sbatch --array=1-N --wait</c>,
/// reports every failed task with its id, state and log, and otherwise merges the shards into
/// <c>&lt;out&gt;/&lt;case&gt;/results.db</c> (<see cref="StoreMerger"/>) and prints the summary and report as <c>run</c> does.
/// Rerunning the same command after a failure resumes the finished shards.
/// </summary>
public sealed class SlurmVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var caseArg = new Argument<string>("case") { Description = "Case id (see 'almab list') or path to a case .json file." };
        var tasks = new Option<int>("--tasks") { Description = "Array tasks N (shards of the grid).", DefaultValueFactory = _ => 4 };
        var methods = new Option<string?>("--methods") { Description = "Comma-separated methods (default: the case's list)." };
        var replicates = new Option<int?>("--replicates") { Description = "Replicates per cell (default: the case's)." };
        var workers = new Option<string?>("--workers") { Description = "Comma-separated worker counts K (default: the case's)." };
        var budget = new Option<string?>("--budget") { Description = "Comma-separated budgets (default: the case's)." };
        var noise = new Option<string?>("--noise") { Description = "Comma-separated observation-noise levels (default: the case's)." };
        var seed = new Option<ulong>("--seed") { Description = "Root seed.", DefaultValueFactory = _ => RunVerb.DefaultSeed };
        var cpus = new Option<int>("--cpus-per-task") { Description = "CPUs per array task (its --threads).", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Output folder; results go to <out>/<case>/results.db.", DefaultValueFactory = _ => "results" };
        var sbatch = new Option<string[]>("--sbatch") { Description = "Extra #SBATCH option for the script, e.g. --sbatch=--partition=long (repeatable).", AllowMultipleArgumentsPerToken = false };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only write the job script and print how to submit it." };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write the report bundle after merging." };
        var command = new Command("slurm", "Run a case grid as a Slurm job array (sbatch --array), wait for it and merge the shards.")
        {
            caseArg, tasks, methods, replicates, workers, budget, noise, seed, cpus, output, sbatch, dryRun, noReport,
        };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(tasks);
            if (n < 1)
            {
                throw new UsageException($"--tasks: must be >= 1, got {n}");
            }

            int cpu = parse.GetValue(cpus);
            if (cpu < 1)
            {
                throw new UsageException($"--cpus-per-task: must be >= 1, got {cpu}");
            }

            bool dry = parse.GetValue(dryRun);
            var client = dry ? null : SlurmClient.Find(SearchPath());
            string casePath = Path.GetFullPath(CaseCatalog.Default.Resolve(parse.GetValue(caseArg)!));
            var known = MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            var definition = CaseLoader.Load(casePath, known);
            string folder = Path.GetFullPath(Path.Combine(parse.GetValue(output)!, definition.Id));
            string merged = Path.Combine(folder, "results.db");
            if (File.Exists(merged))
            {
                throw new UsageException($"{merged} already exists; choose another --out (or merge into it with 'almab merge')");
            }

            var run = new List<string>(SelfCommand()) { "run", casePath, "--resume", "--no-progress" };
            AddIfGiven(run, "--methods", parse.GetValue(methods));
            AddIfGiven(run, "--replicates", parse.GetValue(replicates)?.ToString(CultureInfo.InvariantCulture));
            AddIfGiven(run, "--workers", parse.GetValue(workers));
            AddIfGiven(run, "--budget", parse.GetValue(budget));
            AddIfGiven(run, "--noise", parse.GetValue(noise));
            ulong rootSeed = parse.GetValue(seed);
            run.AddRange(["--seed", rootSeed.ToString(CultureInfo.InvariantCulture)]);

            string slurmDir = Path.Combine(folder, "slurm");
            var job = new SlurmArrayJob($"almab-{definition.Id}", n, run, Path.Combine(slurmDir, "shards"), Path.Combine(slurmDir, "logs"), cpu,
                parse.GetValue(sbatch) ?? []);
            Directory.CreateDirectory(job.LogFolder);
            Directory.CreateDirectory(job.ShardFolder);
            string script = Path.Combine(slurmDir, "array.sh");
            File.WriteAllText(script, job.Script());
            var writer = parse.InvocationConfiguration.Output;
            var shards = Enumerable.Range(1, n)
                .Select(i => Path.Combine(job.ShardFolder, definition.Id, string.Create(CultureInfo.InvariantCulture, $"results-shard{i}of{n}.db"))).ToList();
            writer.WriteLine($"slurm: wrote {script} ({n} array tasks, {cpu} CPU(s) each)");
            if (client is null)
            {
                writer.WriteLine($"submit it with: sbatch --wait {script}");
                writer.WriteLine($"then: almab merge {merged} {string.Join(' ', shards)}");
                return 0;
            }

            string jobId = client.SubmitAndWait(script, slurmDir);
            var states = client.TaskStates(jobId).ToDictionary(s => s.Task);
            var failed = new List<string>();
            for (int i = 1; i <= n; i++)
            {
                bool reported = states.TryGetValue(i, out var state);
                if ((reported && !state!.Succeeded) || !File.Exists(shards[i - 1]))
                {
                    string how = reported ? $"{state!.State}, exit {state.ExitCode}" : "no state from Slurm and no shard database";
                    failed.Add($"almab: slurm: array task {i} of job {jobId} failed ({how}); log: {job.LogPath(i)}");
                }
            }

            if (failed.Count > 0)
            {
                failed.ForEach(parse.InvocationConfiguration.Error.WriteLine);
                throw new InvalidOperationException($"{failed.Count} of {n} array tasks of job {jobId} failed; nothing merged (rerun the same command to resume)");
            }

            writer.WriteLine($"slurm: job array {jobId} finished, {n} of {n} tasks completed");
            var opened = shards.Select(s => MergeVerb.OpenStore(s, create: false)).ToList();
            try
            {
                using var store = MergeVerb.OpenStore(merged, create: true);
                int added = StoreMerger.Merge(store, opened);
                writer.WriteLine($"merged {n} shard(s) into {merged}: {added} replicate(s)");
                var results = store.ReadAll().ToList();
                RunSummary.Write(writer, definition, results);
                if (!parse.GetValue(noReport))
                {
                    foreach (string index in ReportVerb.Write(results, Path.Combine(folder, "report"), writer, new Seed(rootSeed)))
                    {
                        writer.WriteLine($"report: {index}");
                    }
                }
            }
            finally
            {
                opened.ForEach(s => s.Dispose());
            }

            return 0;
        });
        return command;
    }

    /// <summary>The folders searched for sbatch and scontrol: PATH (tests replace it to simulate a machine without Slurm).</summary>
    internal static Func<string?> SearchPath { get; set; } = () => Environment.GetEnvironmentVariable("PATH");

    /// <summary>How an array task starts this program: the apphost, or dotnet with almab.dll.</summary>
    internal static IReadOnlyList<string> SelfCommand()
    {
        string? process = Environment.ProcessPath;
        string dll = Path.Combine(AppContext.BaseDirectory, "almab.dll");
        string name = process is null ? "" : Path.GetFileNameWithoutExtension(process);
        return name == "almab" ? [process!] : name == "dotnet" ? [process!, dll] : ["dotnet", dll];
    }

    private static void AddIfGiven(List<string> args, string option, string? value)
    {
        if (value is not null)
        {
            args.AddRange([option, value]);
        }
    }
}
