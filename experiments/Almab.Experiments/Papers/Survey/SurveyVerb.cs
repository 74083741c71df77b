using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;
using Almab.Experiments.Verbs;

namespace Almab.Experiments.Papers.Survey;

/// <summary>
/// <c>almab survey &lt;part|all&gt;</c>: the survey's (shared/papers/001) techniques on the simulated cluster. Each part
/// stores its replicates in <c>&lt;out&gt;/&lt;part&gt;/results.db</c> (resumable with --resume, progress on stderr),
/// then writes report.md, summary.csv, claims.md and its figures beside it.
/// </summary>
public sealed class SurveyVerb : ICliVerb
{
    /// <inheritdoc />
    public Command Build()
    {
        string names = string.Join(", ", SurveyParts.All.Select(p => p.Name));
        var which = new Argument<string>("part") { Description = $"One of {names}, or all. " + string.Join(" ", SurveyParts.All.Select(p => $"{p.Name}: {p.Description}")) };
        var replicates = new Option<int>("--replicates") { Description = "Replicates per cell (>= 2; the claims use the default 200).", DefaultValueFactory = _ => 200 };
        var seed = new Option<ulong>("--seed") { Description = "Root seed.", DefaultValueFactory = _ => 20261206UL };
        var threads = new Option<int>("--threads") { Description = "Parallel cells (results do not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("results", "survey") };
        var resume = new Option<bool>("--resume") { Description = "Continue existing results databases, skipping finished replicates." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar." };
        var batchSizes = new Option<string>("--batch-sizes") { Description = "batch part: batch sizes B, comma-separated, each >= 1, including 1.", DefaultValueFactory = _ => "1,4,16,64" };
        var periods = new Option<string>("--periods") { Description = "federated part: aggregation periods P, comma-separated, each >= 1, including 1 (lazy and 4-bit P = 10 always run).", DefaultValueFactory = _ => "1,10,100" };
        var lambda = new Option<double>("--lambda") { Description = "contextual part: ridge lambda of LinUCB and linear TS (> 0).", DefaultValueFactory = _ => 1.0 };
        var command = new Command("survey", "Run the survey's bandit techniques (shared/papers/001) on the simulated cluster and check its stated rates and speed-ups.")
        {
            which, replicates, seed, threads, output, resume, quiet, batchSizes, periods, lambda,
        };
        command.SetAction(parse =>
        {
            string part = parse.GetValue(which)!;
            var parts = part == "all" ? SurveyParts.All : SurveyParts.All.Where(p => p.Name == part).ToList();
            if (parts.Count == 0)
            {
                throw new UsageException($"part '{part}' is not one of {names}, all");
            }

            int reps = parse.GetValue(replicates) >= 2 ? parse.GetValue(replicates) : throw new UsageException($"--replicates: must be >= 2, got {parse.GetValue(replicates)}");
            int t = parse.GetValue(threads) >= 1 ? parse.GetValue(threads) : throw new UsageException($"--threads: must be >= 1, got {parse.GetValue(threads)}");
            var options = new SurveyOptions
            {
                BatchSizes = Integers("--batch-sizes", parse.GetValue(batchSizes)!),
                Periods = Integers("--periods", parse.GetValue(periods)!),
                Lambda = parse.GetValue(lambda),
            }.Validated();
            ulong rootSeed = parse.GetValue(seed);
            var writer = parse.InvocationConfiguration.Output;
            var allVerdicts = new List<SurveyVerdict>();
            foreach (var p in parts)
            {
                allVerdicts.AddRange(RunPart(p, options, reps, rootSeed, t, parse.GetValue(output)!, parse.GetValue(resume), parse.GetValue(quiet) || Console.IsOutputRedirected, writer));
            }

            if (parts.Count > 1)
            {
                string claims = Path.Combine(parse.GetValue(output)!, "claims.md");
                File.WriteAllText(claims, "# Survey claims (shared/papers/001)\n\n" + SurveyResults.ClaimsMarkdown(allVerdicts));
                writer.WriteLine($"claims: {claims}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>A comma-separated list of integers, or a usage error naming the option.</summary>
    private static int[] Integers(string option, string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new UsageException($"{option}: '{parts[i]}' is not an integer");
            }
        }

        return values.Length > 0 ? values : throw new UsageException($"{option}: give at least one value");
    }

    private static List<SurveyVerdict> RunPart(SurveyPart part, SurveyOptions options, int reps, ulong rootSeed, int threads, string output, bool resume, bool plain, TextWriter writer)
    {
        string folder = Path.Combine(output, part.Name);
        Directory.CreateDirectory(folder);
        string dbPath = Path.Combine(folder, "results.db");
        var cells = part.Cells(reps, options);
        var cellSet = cells.ToHashSet();
        using var store = Open(dbPath, resume, part, rootSeed);
        int before = store.FinishedCells().Count(cellSet.Contains);
        writer.WriteLine($"survey {part.Name}: {cells.Count} replicate runs, {before} already stored; {threads} thread(s); results: {dbPath}");
        var clock = Stopwatch.StartNew();
        var root = new Seed(rootSeed);
        using (var progress = RunProgress.Single($"survey {part.Name}", cells.Count - before, writer, plain ? ProgressMode.Plain : RunProgress.ResolveMode(false, writer)))
        {
            int ran;
            try
            {
                ran = new ExperimentRunner((cell, _) => part.Run(cell, root)).Run(cells, store, threads, _ => progress.Advance(), CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // A cell failed (e.g. a NaN reward or a bad context reached a policy): one line naming the part, the
                // stored replicates stay whole (--resume continues them).
                var cause = e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;
                throw new InvalidOperationException($"survey {part.Name}: {cause.Message.Split('\n')[0].Trim()} (replicates stored so far are kept in {dbPath})", e);
            }

            progress.Dispose();
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ran {ran} replicate(s) in {clock.Elapsed.TotalSeconds:F1} s wall-clock"));
        }

        var results = store.ReadAll().Where(r => cellSet.Contains(r.Cell)).ToList();
        var report = part.Report(results);
        File.WriteAllText(Path.Combine(folder, "report.md"), report.Markdown);
        File.WriteAllText(Path.Combine(folder, "summary.csv"), report.Csv);
        File.WriteAllText(Path.Combine(folder, "claims.md"), $"# Survey claims: {part.Name}\n\n" + SurveyResults.ClaimsMarkdown(report.Verdicts));
        File.WriteAllText(Path.Combine(folder, "series.csv"), SurveyFigures.SeriesCsv(report.Series));
        foreach (string figure in SurveyFigures.Write(report.Series, folder))
        {
            writer.WriteLine($"figure: {figure}");
        }

        writer.WriteLine(report.Markdown);
        writer.WriteLine(SurveyResults.ClaimsMarkdown(report.Verdicts));
        writer.WriteLine($"wrote {folder}");
        return [.. report.Verdicts];
    }

    /// <summary>Opens a part's database; one with replicates is continued only with --resume and the same part and seed.</summary>
    private static ResultStore Open(string dbPath, bool resume, SurveyPart part, ulong rootSeed)
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
            }

            store.SetMeta("case-id", part.CaseId);
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
