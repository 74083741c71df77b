using System.Globalization;
using System.Security.Cryptography;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// <c>almab bai realworld</c>: reads the pull table, runs every agent for the case's trials on every data set under
/// its time budget by replay, stores one row per trial in <c>realworld.db</c> (the BAI store: instance = data set,
/// env = replay-cpu or replay-wall, L = 1), and writes realworld.md and realworld.csv (failure probabilities with Wilson intervals). A missing or corrupt table is one usage error and
/// touches no store; an existing store with results needs --resume and the same seed, trials and table.
/// </summary>
public static class RealWorldReplay
{
    /// <summary>Runs the replay study.</summary>
    public static void Run(RealWorldSpec spec, string tablePath, IReadOnlyList<string>? datasets, IReadOnlyList<string>? agents, int? trials,
        Seed root, string dir, bool resume, TextWriter writer, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(writer);
        int n = trials ?? spec.Trials;
        if (n < 1)
        {
            throw new UsageException($"--trials: must be >= 1, got {n}");
        }

        var agentNames = agents ?? spec.Agents;
        foreach (string a in agentNames)
        {
            BaiAgents.Create(a);
        }

        var selected = spec.Select(datasets);
        var paper = PaperTables.Load(Path.Combine(AppContext.BaseDirectory, "claims", "bai-realworld.json"));
        List<RealWorldArms> arms;
        string digest;
        try
        {
            var records = PullTable.Read(tablePath);
            arms = selected.Select(d => RealWorldArms.From(records, d.Name, spec.Clock, tablePath)).ToList();
            digest = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(tablePath)))[..16].ToLowerInvariant();
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }

        Directory.CreateDirectory(dir);
        string dbPath = Path.Combine(dir, "realworld.db");
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
            var meta = new Dictionary<string, string>
            {
                ["seed"] = root.Value.ToString(CultureInfo.InvariantCulture),
                ["trials"] = n.ToString(CultureInfo.InvariantCulture),
                ["case"] = spec.Id,
                ["table"] = digest,
            };
            var finished = store.FinishedCells();
            if (existed && finished.Count > 0)
            {
                if (!resume)
                {
                    throw new UsageException($"{dbPath} already holds results; pass --resume to continue that run or choose another --out");
                }

                var clash = meta.FirstOrDefault(kv => store.GetMeta(kv.Key) != kv.Value);
                if (clash.Key is not null)
                {
                    throw new UsageException($"--resume: {dbPath} was run with {clash.Key} '{store.GetMeta(clash.Key)}'; this run has '{clash.Value}'");
                }
            }

            foreach (var kv in meta)
            {
                store.SetMeta(kv.Key, kv.Value);
            }

            string env = RealWorldRun.Env(spec.Clock);
            int ran = 0;
            foreach (var a in arms)
            {
                double budget = selected.First(d => d.Name == a.Dataset).BudgetSeconds(a.Pulls.MeanConsumption);
                if (!(budget > 1))
                {
                    throw new UsageException($"data set '{a.Dataset}': the budget is {budget} s, it must be > 1 s (the episode stops at C - 1); raise budgetRounds");
                }

                foreach (string agent in agentNames)
                {
                    if (finished.Contains((agent, a.Dataset, env, 1)))
                    {
                        continue;
                    }

                    store.Write([RealWorldRun.Run(a, agent, budget, n, root, cancel)]);
                    ran++;
                }
            }

            writer.WriteLine($"realworld: {ran} cells of {n} trials replayed from {tablePath} -> {dbPath}");
            string note = $"{Path.GetFileName(tablePath)} (sha256 {digest}…)";
            var cells = store.Summaries().Where(c => c.Env == env).ToList();
            string report = RealWorldReport.Markdown(cells, arms, spec, paper, note);
            File.WriteAllText(Path.Combine(dir, "realworld.md"), report);
            File.WriteAllText(Path.Combine(dir, "realworld.csv"), BaiSummary.Csv(cells));
            writer.WriteLine(report);
            writer.WriteLine($"wrote {Path.Combine(dir, "realworld.md")}, realworld.csv");
        }
    }
}
