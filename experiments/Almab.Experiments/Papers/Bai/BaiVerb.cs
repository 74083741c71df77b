using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;
using Almab.Experiments.Papers.Bai.RealWorld;
using Almab.Experiments.Runner;

namespace Almab.Experiments.Papers.Bai;

/// <summary>
/// <c>almab bai</c>: the SH-RR paper's synthetic grid (section 7, Figure 2; L = 1 and 2) into a SQLite store
/// (<c>bai.db</c>, one row per trial), then summary.md / summary.csv (failure probabilities with Wilson intervals),
/// claims.md (the section 7 statements tested per cell) and the figures. <c>almab bai figure1</c> runs the section 5
/// two-arm study.
/// </summary>
public sealed class BaiVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        var which = new Argument<string>("experiment") { Description = "grid (Figure 2 grid, claims), figure1 (section 5 two-arm study), realworld (Tables 1-2 analogue, replayed from the pull table), all (the three), or tabulate (train every real-world arm for real and write the pull table).", DefaultValueFactory = _ => "grid" };
        var trials = new Option<int?>("--trials") { Description = "Trials per cell (default: the case file's 1000)." };
        var agents = new Option<string?>("--agents") { Description = $"Comma-separated agents (default all: {string.Join(", ", BaiAgents.Names)})." };
        var instances = new Option<string?>("--instances") { Description = "Comma-separated families (trap) or family/matching (trap/HL); default all." };
        var seed = new Option<ulong>("--seed") { Description = "Root seed.", DefaultValueFactory = _ => 20240502UL };
        var threads = new Option<int>("--threads") { Description = "Parallel cells (results do not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--out") { Description = "Output folder (bai.db, summary.md/csv, claims.md, figures).", DefaultValueFactory = _ => Path.Combine("results", "bai") };
        var resume = new Option<bool>("--resume") { Description = "Continue a run in --out: stored cells are skipped." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard i/N of the cells (each shard into its own --out; combine them with --merge)." };
        var caseFile = new Option<string?>("--case") { Description = "Case file (default: cases/bai-synthetic.json; for realworld/tabulate cases/bai-realworld.json)." };
        var merge = new Option<string?>("--merge") { Description = "Comma-separated shard stores (bai.db of --shard runs) to merge into --out's bai.db; then the reports are written. Runs nothing." };
        var datasets = new Option<string?>("--datasets") { Description = "realworld/tabulate: comma-separated data sets (default all of cases/bai-realworld.json)." };
        var pulls = new Option<int?>("--pulls") { Description = "tabulate: real pulls per arm and data set (default: the case file's)." };
        var table = new Option<string?>("--table") { Description = "realworld: pull table to replay (default: the committed data/realworld-pulls.csv.gz); tabulate: where to write it (default: --out/realworld-pulls.csv.gz)." };
        var command = new Command("bai", "Reproduce the SH-RR paper's (002) synthetic grid, Figures 1-2, real-world Tables 1-2 analogue and claims.")
            { which, trials, agents, instances, seed, threads, output, resume, shard, caseFile, merge, datasets, pulls, table };
        command.SetAction(parse =>
        {
            string experiment = parse.GetValue(which)!;
            if (parse.GetValue(merge) is { } shards)
            {
                Merge(parse.GetValue(output)!, Split(shards)!, parse.InvocationConfiguration.Output);
                return 0;
            }

            if (experiment is not ("grid" or "figure1" or "realworld" or "tabulate" or "all"))
            {
                throw new UsageException($"experiment '{experiment}' is not one of grid, figure1, realworld, tabulate, all");
            }

            if (experiment is "tabulate" or "realworld")
            {
                var real = RealWorldSpec.Load(parse.GetValue(caseFile) ?? RealWorldCommands.DefaultCase);
                var root0 = new Seed(parse.GetValue(seed));
                string outDir = parse.GetValue(output)!;
                if (experiment == "tabulate")
                {
                    RealWorldCommands.Tabulate(real, Split(parse.GetValue(datasets)), parse.GetValue(pulls), root0,
                        parse.GetValue(table) ?? Path.Combine(outDir, "realworld-pulls.csv.gz"), parse.InvocationConfiguration.Output);
                }
                else
                {
                    RealWorldReplay.Run(real, parse.GetValue(table) ?? RealWorldCommands.DefaultTable, Split(parse.GetValue(datasets)), Split(parse.GetValue(agents)),
                        parse.GetValue(trials), root0, outDir, parse.GetValue(resume), parse.InvocationConfiguration.Output);
                }

                return 0;
            }

            int t = parse.GetValue(threads) >= 1 ? parse.GetValue(threads) : throw new UsageException($"--threads: must be >= 1, got {parse.GetValue(threads)}");
            string dir = parse.GetValue(output)!;
            var root = new Seed(parse.GetValue(seed));
            var writer = parse.InvocationConfiguration.Output;
            string specPath = parse.GetValue(caseFile) ?? Path.Combine(AppContext.BaseDirectory, "cases", "bai-synthetic.json");
            var spec = BaiGridSpec.Load(specPath);
            int n = parse.GetValue(trials) ?? spec.Trials;
            if (n < 1)
            {
                throw new UsageException($"--trials: must be >= 1, got {n}");
            }

            if (experiment is "grid" or "all")
            {
                var cells = spec.Cells(Split(parse.GetValue(agents)), Split(parse.GetValue(instances)));
                string? shardText = parse.GetValue(shard);
                if (shardText is not null)
                {
                    var s = Shard.Parse(shardText);
                    cells = cells.Where((_, i) => i % s.Count == s.Index - 1).ToList();
                }

                RunGrid(spec, cells, n, root, t, dir, parse.GetValue(resume), writer);
            }

            if (experiment is "figure1" or "all")
            {
                BaiFigure1.Run(n, root, t, dir, writer);
            }

            if (experiment is "all")
            {
                var real = RealWorldSpec.Load(RealWorldCommands.DefaultCase);
                RealWorldReplay.Run(real, parse.GetValue(table) ?? RealWorldCommands.DefaultTable, Split(parse.GetValue(datasets)), null,
                    null, root, dir, parse.GetValue(resume), writer);
            }

            return 0;
        });
        return command;
    }

    private static void RunGrid(BaiGridSpec spec, IReadOnlyList<BaiCell> cells, int trials, Seed root, int threads, string dir, bool resume, TextWriter writer)
    {
        Directory.CreateDirectory(dir);
        string dbPath = Path.Combine(dir, "bai.db");
        bool existed = File.Exists(dbPath);
        BaiStore store;
        try
        {
            store = BaiStore.Open(dbPath, create: true);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }

        using (store)
        {
            string seedText = root.Value.ToString(CultureInfo.InvariantCulture);
            string trialsText = trials.ToString(CultureInfo.InvariantCulture);
            if (existed && store.FinishedCells().Count > 0)
            {
                if (!resume)
                {
                    throw new UsageException($"{dbPath} already holds results; pass --resume to continue that run or choose another --out");
                }

                if (store.GetMeta("seed") != seedText || store.GetMeta("trials") != trialsText || store.GetMeta("case") != spec.Id)
                {
                    throw new UsageException($"--resume: {dbPath} was run with seed {store.GetMeta("seed")}, {store.GetMeta("trials")} trials, case {store.GetMeta("case")}; this run asks for seed {seedText}, {trialsText} trials, case {spec.Id}");
                }
            }

            store.SetMeta("seed", seedText);
            store.SetMeta("trials", trialsText);
            store.SetMeta("case", spec.Id);
            int todo = cells.Count - cells.Count(c => store.FinishedCells().Contains((c.Agent, c.Instance, c.Environment, c.Resources)));
            writer.WriteLine($"bai: {cells.Count} cells x {trials} trials ({todo} to run) on {threads} thread(s) -> {dbPath}");
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
            Console.CancelKeyPress += onCancel;
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            try
            {
                using var progress = RunProgress.Single("bai trials", todo, writer, RunProgress.ResolveMode(false, writer), unit: "cells");
                BaiGridRun.Run(spec, cells, trials, root, threads, store, _ => progress.Advance(), cancel.Token);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bai: ran {todo} cells in {clock.Elapsed.TotalSeconds:F1} s wall, {cpuSeconds:F1} s CPU"));
            BaiReport.Write(store, dir, writer);
        }
    }

    private static void Merge(string dir, IReadOnlyList<string> shards, TextWriter writer)
    {
        Directory.CreateDirectory(dir);
        try
        {
            using var store = BaiStore.Open(Path.Combine(dir, "bai.db"), create: true);
            foreach (string shard in shards)
            {
                if (!File.Exists(shard))
                {
                    throw new UsageException($"--merge: {shard} not found");
                }

                writer.WriteLine($"merged {store.MergeFrom(shard)} cells from {shard}");
            }

            BaiReport.Write(store, dir, writer);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static IReadOnlyList<string>? Split(string? text) =>
        text is null ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
