using System.CommandLine;
using System.Diagnostics;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Papers.AlmabDc.Verbs;

/// <summary>
/// <c>almab run &lt;case&gt;</c>: expands the case's grid (methods × K × budget × noise × replicates, each overridable),
/// runs the cells in parallel on the simulated cluster, stores every finished replicate in SQLite, shows progress
/// with an ETA and prints a summary table. <c>--resume</c> continues a stopped run without redoing finished cells.
/// </summary>
public sealed class RunVerb : ICliVerb
{
    /// <summary>Root seed when --seed is not given.</summary>
    public const ulong DefaultSeed = 20260101UL;

    /// <inheritdoc />
    public Command Build()
    {
        var caseArg = new Argument<string>("case") { Description = "Case id (see 'almab list') or path to a case .json file." };
        var methods = new Option<string?>("--methods") { Description = "Comma-separated methods (default: the case's list)." };
        var replicates = new Option<int?>("--replicates") { Description = "Replicates per cell (default: the case's, 500 for the paper's cases)." };
        var workers = new Option<string?>("--workers") { Description = "Comma-separated worker counts K (default: the case's)." };
        var budget = new Option<string?>("--budget") { Description = "Comma-separated budgets, in the case's unit (default: the case's)." };
        var noise = new Option<string?>("--noise") { Description = "Comma-separated observation-noise levels (default: the case's)." };
        var seed = new Option<ulong>("--seed") { Description = "Root seed; every random stream derives from it.", DefaultValueFactory = _ => DefaultSeed };
        var threads = new Option<int>("--threads") { Description = "Parallel replicates (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--out") { Description = "Output folder; results go to <out>/<case>/results.db.", DefaultValueFactory = _ => "results" };
        var resume = new Option<bool>("--resume") { Description = "Continue an existing results database, skipping finished replicates." };
        var shard = new Option<string?>("--shard") { Description = "Run only slice i of N of the grid, as i/N (combine with 'almab merge')." };
        var quiet = new Option<bool>("--no-progress") { Description = "No progress display or lines, only the final summary line." };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write the report bundle (tables, figures, claims) at the end." };
        var command = new Command("run", "Run a benchmark case on simulated clusters and store the results.")
        {
            caseArg, methods, replicates, workers, budget, noise, seed, threads, output, resume, shard, quiet, noReport,
        };
        command.SetAction(parse =>
        {
            var registry = MethodRegistry.Default;
            var known = registry.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            string path = CaseCatalog.Default.Resolve(parse.GetValue(caseArg)!);
            var definition = CaseLoader.Load(path, known);
            int reps = parse.GetValue(replicates) ?? definition.Replicates;
            if (reps < 1)
            {
                throw new UsageException($"--replicates: must be >= 1, got {reps}");
            }

            int threadCount = parse.GetValue(threads);
            if (threadCount < 1)
            {
                throw new UsageException($"--threads: must be >= 1, got {threadCount}");
            }

            var grid = new GridSpec(
                definition.Id,
                RunOptions.Names("--methods", parse.GetValue(methods), definition.Methods),
                RunOptions.PositiveInts("--workers", parse.GetValue(workers), definition.Cluster.Workers),
                RunOptions.PositiveInts("--budget", parse.GetValue(budget), definition.Budget),
                RunOptions.NonNegativeDoubles("--noise", parse.GetValue(noise), CaseLoader.NoiseLevels(definition)),
                reps);
            foreach (string m in grid.Methods)
            {
                registry.Get(m);
            }

            foreach (int k in grid.Workers)
            {
                ClusterFactory.Create(definition.Cluster, k, 1);
            }

            var slice = parse.GetValue(shard) is string s ? Shard.Parse(s) : Shard.All;
            var cells = slice.Select(grid.Expand()).ToList();
            var cellSet = cells.ToHashSet();
            string folder = Path.Combine(parse.GetValue(output)!, definition.Id);
            string dbPath = Path.Combine(folder, slice == Shard.All ? "results.db" : $"results-shard{slice.Index}of{slice.Count}.db");
            ulong rootSeed = parse.GetValue(seed);
            var writer = parse.InvocationConfiguration.Output;

            OutputFolder.EnsureWritable(folder);
            using var store = OpenForRun(dbPath, parse.GetValue(resume), definition, path, rootSeed);
            RunProvenance.Record(store, definition.Id, CaseLoader.Hash(path), rootSeed, grid, slice);
            var runner = new CaseCellRunner(new Dictionary<string, CaseDefinition> { [definition.Id] = definition }, registry, new Seed(rootSeed));
            var stored = store.FinishedCells();
            int finishedBefore = stored.Count(cellSet.Contains);
            writer.WriteLine($"{definition.Id}: {cells.Count} replicate runs ({grid.Methods.Length} methods x K {{{string.Join(",", grid.Workers)}}} x budget {{{string.Join(",", grid.Budgets)}}} x noise {{{string.Join(",", grid.Noises)}}} x {reps}), {finishedBefore} already stored; {threadCount} thread(s); results: {dbPath}");
            var clock = Stopwatch.StartNew();
            var (groups, groupOf) = RunProgress.ForCells(cells.Where(c => !stored.Contains(c)).ToList());
            using var progress = RunProgress.Create(groups, writer, RunProgress.ResolveMode(parse.GetValue(quiet), writer));
            int ran;
            using (var signal = new ShutdownSignal())
            {
                try
                {
                    ran = new ExperimentRunner(runner.Run).Run(cells, store, threadCount, r => progress.Advance(groupOf(r.Cell)), signal.Token);
                }
                catch (OperationCanceledException) when (signal.Token.IsCancellationRequested)
                {
                    progress.Dispose();
                    return Interrupted(writer, store, signal.Received!, cells, cellSet, dbPath, parse);
                }
            }

            progress.Complete();
            writer.WriteLine($"ran {ran} replicate(s) in {clock.Elapsed.TotalSeconds:F1} s wall-clock");
            var finished = store.ReadAll().Where(r => cellSet.Contains(r.Cell)).ToList();
            RunSummary.Write(writer, definition, finished);
            Reporting.ReadingsTable.Write(writer, definition, finished, CaseCatalog.Default.Ids(), id => Sibling(parse.GetValue(output)!, id, known));
            if (!parse.GetValue(noReport) && slice == Shard.All)
            {
                foreach (string index in ReportVerb.Write(finished, Path.Combine(folder, "report"), writer, new Seed(rootSeed)))
                {
                    writer.WriteLine($"report: {index}");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// After SIGTERM/SIGINT: the runner has written every replicate that was in flight; checkpoint the database, say
    /// what is stored and how to continue, and exit with <see cref="ExitCodes.Interrupted"/>.
    /// </summary>
    /// <summary>Another reading case's definition and stored results from its results.db under the same output root, or null when it has not been run (or cannot be read).</summary>
    private static (CaseDefinition Definition, IReadOnlyList<ReplicateResult> Results)? Sibling(string root, string id, IReadOnlySet<string> knownMethods)
    {
        string db = Path.Combine(root, id, "results.db");
        if (!File.Exists(db))
        {
            return null;
        }

        try
        {
            using var store = ResultStore.Open(db, create: false);
            return (CaseLoader.Load(CaseCatalog.Default.Resolve(id), knownMethods), store.ReadAll().ToList());
        }
        catch (Exception e) when (e is InvalidDataException or StoreLockedException or Microsoft.Data.Sqlite.SqliteException)
        {
            return null;
        }
    }

    private static int Interrupted(TextWriter writer, ResultStore store, string signal, List<CellKey> cells, HashSet<CellKey> cellSet, string dbPath, ParseResult parse)
    {
        store.Checkpoint();
        int stored = store.FinishedCells().Count(cellSet.Contains);
        var args = parse.Tokens.Select(t => t.Value).ToList();
        if (!args.Contains("--resume"))
        {
            args.Add("--resume");
        }

        string command = string.Join(" ", args.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a));
        writer.WriteLine($"interrupted by {signal}: {stored} of {cells.Count} replicate runs are stored in {dbPath} (checkpointed); continue with:");
        writer.WriteLine($"  almab {command}");
        return ExitCodes.Interrupted;
    }

    /// <summary>
    /// Opens the run's database. A database that already holds replicates is only continued with --resume, and only
    /// when it was made from the same case file and root seed: otherwise the resumed run would mix two experiments.
    /// </summary>
    internal static ResultStore OpenForRun(string dbPath, bool resume, CaseDefinition definition, string casePath, ulong rootSeed)
    {
        bool exists = File.Exists(dbPath);
        var store = MergeVerb.OpenStore(dbPath, create: true, exclusive: true);
        try
        {
            string hash = CaseLoader.Hash(casePath);
            string seedText = rootSeed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (exists && store.CountReplicates() > 0)
            {
                if (!resume)
                {
                    throw new UsageException($"{dbPath} already holds {store.CountReplicates()} replicate(s); pass --resume to continue it or choose another --out");
                }

                if (store.GetMeta("case-hash") is string h && h != hash)
                {
                    throw new UsageException($"{dbPath} was made from a different version of case '{definition.Id}'; use another --out");
                }

                if (store.GetMeta("root-seed") is string rs && rs != seedText)
                {
                    throw new UsageException($"{dbPath} was made with --seed {rs}, not {seedText}; use the same seed or another --out");
                }
            }

            store.SetMeta("case-id", definition.Id);
            store.SetMeta("case-hash", hash);
            store.SetMeta("root-seed", seedText);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
