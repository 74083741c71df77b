using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Almab.Algorithms.MultiObjective.Problems;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Papers.Moco;

/// <summary>
/// <c>almab moco</c>: the D&amp;L paper's Table 1 analogue. Runs every (problem, method, instance) cell on the simulated
/// cluster through the shared runner into an SQLite store (one transaction per replicate; <c>--resume</c> skips
/// finished cells, <c>--shard i/n</c> runs a slice into its own database for <c>almab merge</c>), shows progress, then
/// prints and writes the summary table (summary.md, summary.csv) and the claims (claims.md).
/// </summary>
public sealed class MocoVerb : ICliVerb
{
    /// <summary>The default problems: the part of Table 1 the 10-minute target covers.</summary>
    public const string DefaultProblems = "bi-tsp-20,bi-tsp-50,bi-kp-50,bi-kp-100";

    public Command Build()
    {
        var problems = new Option<string>("--problems") { Description = $"Comma-separated problems (bi-tsp-20/50/100, tri-tsp-20/50/100, bi-kp-50/100/200, bi-cvrp-20/50/100) or 'all'. Default: {DefaultProblems}.", DefaultValueFactory = _ => DefaultProblems };
        var methods = new Option<string>("--methods") { Description = $"Comma-separated methods: {string.Join(", ", MocoMethods.All)}.", DefaultValueFactory = _ => string.Join(",", MocoMethods.Default) };
        var instances = new Option<int>("--instances") { Description = "Instances per problem (the paper used 200).", DefaultValueFactory = _ => 20 };
        var workers = new Option<int>("--workers") { Description = "Simulated workers K (each evaluation is a 1 s task).", DefaultValueFactory = _ => 1 };
        var noise = new Option<double>("--noise") { Description = "Objective noise sd as a fraction of the [ideal, reference] range (0 = exact).", DefaultValueFactory = _ => 0.0 };
        var clock = new Option<double>("--clock-sigma") { Description = "Log-sd of the log-normal evaluation time (mean 1 virtual s); 0 = exactly 1 s each.", DefaultValueFactory = _ => 0.0 };
        var seed = new Option<ulong>("--seed") { Description = "Root seed.", DefaultValueFactory = _ => 20261206UL };
        var threads = new Option<int>("--threads") { Description = "Parallel cells (results do not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("results", "moco") };
        var resume = new Option<bool>("--resume") { Description = "Continue an existing results database, skipping finished replicates." };
        var shard = new Option<string?>("--shard") { Description = "Run only slice i of n of the cells (i/n), into results-shard<i>of<n>.db." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar." };
        var paregoDivisor = new Option<int>("--parego-divisor") { Description = $"ParEGO's budget is the problem's budget divided by this ({string.Join(", ", MocoMethods.ParEgoDivisors)}; 1 = equal budget).", DefaultValueFactory = _ => MocoMethods.DefaultParEgoDivisor };
        var ideal = new Option<string?>("--ideal") { Description = "Override the ideal point of the HV ratio, comma-separated, minimization orientation (knapsack values negated)." };
        var reference = new Option<string?>("--reference") { Description = "Override the reference point of the HV ratio (worse than the ideal in every objective)." };
        var capacity = new Option<string?>("--capacity") { Description = "Override the knapsack / CVRP capacity (bi-kp, bi-cvrp only)." };
        var weights = new Option<string?>("--weights") { Description = "D&L's weight vectors, e.g. \"1,0;0.5,0.5;0,1\" (default: 20 evenly spread)." };
        var command = new Command("moco", "Reproduce the D&L paper's Table 1 (MOCO: HV ratio, NDS, time) and check its claims.")
        {
            problems, methods, instances, workers, noise, clock, seed, threads, output, resume, shard, quiet, paregoDivisor, ideal, reference, capacity, weights,
        };
        command.SetAction(parse =>
        {
            var problemIds = ParseProblems(parse.GetValue(problems)!);
            var methodIds = Split(parse.GetValue(methods)!, "--methods");
            methodIds.ForEach(MocoMethods.Check);
            int n = parse.GetValue(instances) >= 1 ? parse.GetValue(instances) : throw new UsageException($"--instances: must be >= 1, got {parse.GetValue(instances)}");
            int k = parse.GetValue(workers) >= 1 ? parse.GetValue(workers) : throw new UsageException($"--workers: must be >= 1, got {parse.GetValue(workers)}");
            int t = parse.GetValue(threads) >= 1 ? parse.GetValue(threads) : throw new UsageException($"--threads: must be >= 1, got {parse.GetValue(threads)}");
            double sd = parse.GetValue(noise);
            if (!(sd >= 0) || !double.IsFinite(sd))
            {
                throw new UsageException($"--noise: must be a finite number >= 0, got {sd.ToString(CultureInfo.InvariantCulture)}");
            }

            double sigma = parse.GetValue(clock);
            if (!(sigma >= 0) || !double.IsFinite(sigma))
            {
                throw new UsageException($"--clock-sigma: must be a finite number >= 0, got {sigma.ToString(CultureInfo.InvariantCulture)}");
            }

            int divisor = parse.GetValue(paregoDivisor);
            MocoMethods.Budget("parego", MocoSpecs.Get(MocoProblemKind.BiTsp, 20), divisor); // validates the divisor
            var overrides = MocoOverrides.Parse(parse.GetValue(ideal), parse.GetValue(reference), parse.GetValue(capacity), parse.GetValue(weights));
            foreach (string p in problemIds)
            {
                overrides.Apply(p);
                overrides.CheckInstances(p, n, new Seed(parse.GetValue(seed)));
            }

            var grid = MocoGrid.Build(problemIds, methodIds, k, sd, n, divisor);
            var cells = grid.All.ToList();
            var skipped = grid.Skipped;
            var slice = parse.GetValue(shard) is string s ? Shard.Parse(s) : Shard.All;
            cells = slice.Select(cells).ToList();
            var cellSet = cells.ToHashSet();
            string folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            string dbPath = Path.Combine(folder, slice == Shard.All ? "results.db" : $"results-shard{slice.Index}of{slice.Count}.db");
            ulong rootSeed = parse.GetValue(seed);
            var writer = parse.InvocationConfiguration.Output;
            using var store = Open(dbPath, parse.GetValue(resume), rootSeed, sigma, overrides.Describe());
            int before = store.FinishedCells().Count(cellSet.Contains);
            writer.WriteLine($"moco: {cells.Count} replicate runs ({problemIds.Count} problems x {methodIds.Count} methods x {n} instances, K = {k}, noise {sd.ToString(CultureInfo.InvariantCulture)}{(grid.Extra.Count > 0 ? $"; {grid.Extra.Count} of them D&L-family runs at ParEGO's budget" : "")}), {before} already stored; {t} thread(s); results: {dbPath}");
            writer.WriteLine("budgets (evaluations per instance, black-box methods): " + string.Join(", ", problemIds.Select(p => $"{p} {MocoMethods.ParseProblem(p).Budget}")) + "; ws is a solver, not budgeted"
                + (methodIds.Contains("parego") ? (divisor == 1 ? "; parego gets the same budget" : $"; parego gets 1/{divisor} of it") + " and runs on the small sizes only" : ""));
            if (skipped.Count > 0)
            {
                writer.WriteLine($"not run (parego is for the small sizes): {string.Join(", ", skipped)}");
            }

            var stopwatch = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var runner = new MocoCellRunner(new Seed(rootSeed), sigma, overrides);
            using (var progress = RunProgress.Single("moco replicates", cells.Count - before, writer, RunProgress.ResolveMode(parse.GetValue(quiet), writer)))
            {
                int ran = new ExperimentRunner(runner.Run).Run(cells, store, t, _ => progress.Advance(), CancellationToken.None);
                progress.Dispose();
                double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ran {ran} replicate(s) in {stopwatch.Elapsed.TotalSeconds:F1} s wall-clock, {cpu:F1} CPU s"));
            }

            var mainSet = grid.Main.ToHashSet();
            var extraSet = grid.Extra.ToHashSet();
            var stored = store.ReadAll();
            var finished = stored.Where(r => mainSet.Contains(r.Cell) && cellSet.Contains(r.Cell)).ToList();
            var extra = stored.Where(r => extraSet.Contains(r.Cell) && cellSet.Contains(r.Cell)).ToList();
            if (slice != Shard.All)
            {
                writer.WriteLine($"shard {slice} done; merge the shards with `almab merge` and rerun with --resume for the table");
                return 0;
            }

            var paper = MocoPaperValues.Default();
            string table = MocoTable.Markdown(finished, problemIds, methodIds, paper) + MocoBudgetTable.Markdown(finished, extra, problemIds, methodIds);
            string claims = MocoClaims.Markdown(finished, problemIds, paper) + MocoClaims.BayesianMarkdown(finished, extra, problemIds, paper);
            string header = MocoReportText.Header(problemIds, n, k, sd, methodIds.Contains("parego") ? divisor : null, overrides);
            writer.WriteLine(table);
            File.WriteAllText(Path.Combine(folder, "summary.md"), header + table);
            File.WriteAllText(Path.Combine(folder, "claims.md"), claims + MocoReportText.ProtocolNote);
            File.WriteAllText(Path.Combine(folder, "summary.csv"), MocoReportText.Csv(finished.Concat(extra)));
            foreach (string f in MocoFigures.Write(finished, problemIds, methodIds, folder))
            {
                writer.WriteLine($"figure: {f} (+ .svg)");
            }

            writer.WriteLine($"wrote {Path.Combine(folder, "summary.md")}, claims.md, summary.csv");
            return 0;
        });
        return command;
    }

    private static ResultStore Open(string dbPath, bool resume, ulong rootSeed, double clockSigma, string overrides)
    {
        bool exists = File.Exists(dbPath);
        var store = MergeVerb.OpenStore(dbPath, create: true);
        try
        {
            string seedText = rootSeed.ToString(CultureInfo.InvariantCulture);
            if (exists && store.CountReplicates() > 0)
            {
                if (!resume)
                {
                    throw new UsageException($"{dbPath} already holds {store.CountReplicates()} replicate(s); pass --resume to continue it or choose another --out");
                }

                if (store.GetMeta("root-seed") is string rs && rs != seedText)
                {
                    throw new UsageException($"{dbPath} was made with --seed {rs}, not {seedText}; use the same seed or another --out");
                }

                string sigmaText = clockSigma.ToString("R", CultureInfo.InvariantCulture);
                if (store.GetMeta("moco-clock-sigma") is string cs && cs != sigmaText)
                {
                    throw new UsageException($"{dbPath} was made with --clock-sigma {cs}, not {sigmaText}; use the same value or another --out");
                }

                if ((store.GetMeta("moco-overrides") ?? "") != overrides)
                {
                    throw new UsageException($"{dbPath} was made with definitions '{store.GetMeta("moco-overrides") ?? ""}', not '{overrides}' (--ideal/--reference/--capacity/--weights); use the same ones or another --out");
                }

                if (store.GetMeta("case-id") is string c && c != "moco")
                {
                    throw new UsageException($"{dbPath} holds results of '{c}', not of almab moco; use another --out");
                }
            }

            store.SetMeta("case-id", "moco");
            store.SetMeta("root-seed", seedText);
            store.SetMeta("moco-clock-sigma", clockSigma.ToString("R", CultureInfo.InvariantCulture));
            store.SetMeta("moco-overrides", overrides);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static List<string> ParseProblems(string text)
    {
        if (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return Enum.GetValues<MocoProblemKind>()
                .SelectMany(kind => MocoSpecs.Sizes(kind).Select(size => MocoMethods.Id(MocoSpecs.Get(kind, size)))).ToList();
        }

        var ids = Split(text, "--problems").Select(p => p.ToLowerInvariant()).ToList();
        ids.ForEach(p => MocoMethods.ParseProblem(p));
        return ids;
    }

    private static List<string> Split(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        return parts.Count > 0 ? parts : throw new UsageException($"{option}: give at least one value");
    }
}
