using System.Collections.Immutable;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Methods;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Store;
using Almab.Experiments.Tests.Verbs;
using Almab.Sim.Cluster;
using Almab.Sim.Runs;

namespace Almab.Experiments.Tests.Faults;

/// <summary>
/// "The store records the crash" (issue 18): a case whose cluster crashes 20 % of attempts is run through
/// <c>almab run</c>; every stored replicate holds exactly its budget of evaluations, and its stored
/// <c>crashed_attempts</c> equals the crashes of an independent re-simulation of that replicate with the cluster's
/// event trace on (the "Abandoned" entries, counted one by one), with the seeds of ARCHITECTURE.md
/// (root → case → replicate → "cluster" → K, "method" → name). Tasks take exactly 1 virtual second and up-times are
/// Exp(m) with m = −1 / ln 0.8, so each attempt crashes with probability 1 − exp(−1/m) = 0.2 (memoryless), whatever
/// the waiting before it; the crash share is then a binomial proportion.
/// </summary>
public sealed class CrashRecordingTests : IDisposable
{
    private const int Workers = 4;
    private const int Rounds = 30;
    private const int Replicates = 16;
    private const ulong RootSeed = 1818;
    private readonly string _dir = Directory.CreateTempSubdirectory("almab-crash-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Twenty_percent_crashes_complete_the_budget_and_the_store_holds_each_replicates_crash_count()
    {
        string casePath = WriteCase();
        var (exit, output, err) = CliRunner.Run("run", casePath, "--seed", $"{RootSeed}", "--threads", "2", "--out", _dir, "--no-progress", "--no-report");
        Assert.True(exit == 0, err);

        using var store = ResultStore.Open(Path.Combine(_dir, "crash-20", "results.db"), create: false);
        var results = store.ReadAll().ToList();
        Assert.Equal(Replicates, results.Count);
        var definition = CaseLoader.Load(casePath, MethodRegistry.Default.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));
        long crashes = 0;
        foreach (var r in results)
        {
            Assert.Equal(Rounds * Workers, r.Evaluations.Length); // no evaluation lost, none run twice
            Assert.Equal(Enumerable.Range(0, Rounds * Workers), r.Evaluations.Select(e => e.Index).Order());
            int simulated = SimulatedCrashes(definition, r.Cell.Replicate, r.Cell.Noise);
            Assert.Equal(simulated, r.CrashedAttempts);
            crashes += simulated;
        }

        // Crashes / attempts ~ binomial(n, 0.2), attempts = evaluations + crashes: within 4 standard errors (p ≈ 6e-5).
        long attempts = Replicates * Rounds * Workers + crashes;
        double se = Math.Sqrt(0.2 * 0.8 / attempts);
        Assert.InRange((double)crashes / attempts, 0.2 - 4 * se, 0.2 + 4 * se);

        // The summary shows the column with the total, and the CSV export carries the per-replicate count.
        Assert.Contains("crashed attempts", output, StringComparison.Ordinal);
        Assert.Contains($"  {crashes}", output, StringComparison.Ordinal);
        string csv = Path.Combine(_dir, "csv");
        CsvExporter.Export(store, csv);
        string[] lines = File.ReadAllLines(Path.Combine(csv, "replicates.csv"));
        Assert.EndsWith(",crashed_attempts", lines[0], StringComparison.Ordinal);
        Assert.Equal(crashes, lines.Skip(1).Sum(l => long.Parse(l[(l.LastIndexOf(',') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_case_without_crashes_records_zero_and_prints_no_crash_column()
    {
        var (exit, output, err) = CliRunner.Run("run", "illustrative-gaussian-mixture", "--replicates", "2", "--workers", "2", "--out", _dir, "--no-progress", "--no-report");
        Assert.True(exit == 0, err);
        using var store = ResultStore.Open(Path.Combine(_dir, "illustrative-gaussian-mixture", "results.db"), create: false);
        Assert.All(store.ReadAll(), r => Assert.Equal(0, r.CrashedAttempts));
        Assert.DoesNotContain("crashed attempts", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crash_spec_with_a_non_positive_mean_is_one_line_exit_2()
    {
        string casePath = WriteCase(meanUp: "0");
        var (exit, _, err) = CliRunner.Run("run", casePath, "--out", _dir, "--no-progress");
        Assert.Equal(2, exit);
        Assert.Contains("cluster.crash.meanUpSeconds", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    /// <summary>Re-runs replicate <paramref name="replicate"/> outside the runner and counts the trace's crash entries.</summary>
    private static int SimulatedCrashes(CaseDefinition definition, int replicate, double noise)
    {
        var seed = new Seed(RootSeed).Derive(definition.Id).Derive(replicate);
        var objective = definition.Objective.Create(noise, seed.Derive("objective"));
        int evaluations = Rounds * Workers;
        var optimizer = MethodRegistry.Default.Get("ucb-averaging").Create(
            new MethodContext(definition, objective, Workers, evaluations, ImmutableArray<Almab.Algorithms.Spaces.Configuration>.Empty, seed.Derive("method").Derive("ucb-averaging")));
        var config = ClusterFactory.Create(definition.Cluster, Workers, evaluations);
        config = config with { Cluster = config.Cluster with { RecordTrace = true } };
        var run = OptimizationRun.Execute(config, optimizer, objective, seed.Derive("cluster").Derive(Workers), seed.Derive("noise"));
        Assert.Equal(evaluations, run.Evaluations.Length);
        return run.Cluster.Trace.Count(t => t.Kind == ClusterTraceKind.Abandoned);
    }

    private string WriteCase(string meanUp = "4.481420117724551")
    {
        string path = Path.Combine(_dir, "crash-20.json");
        File.WriteAllText(path, $$"""
            {
              "id": "crash-20",
              "title": "UCB on the illustrative Gaussian mixture on a cluster whose workers crash during 20 % of attempts",
              "source": { "paper": "000", "section": "2.6" },
              "objective": {
                "kind": "gaussian-mixture-arms",
                "components": [ { "weight": 0.45, "mean": [0.8], "sd": 0.12 }, { "weight": 0.55, "mean": [0.3], "sd": 0.1 } ],
                "arms": [[0.0], [0.25], [0.5], [0.75], [1.0]],
                "noise": 0.3
              },
              "budget": [{{Rounds}}],
              "budgetUnit": "rounds",
              "metric": "cumulative-regret",
              "methods": ["ucb-averaging"],
              "cluster": {
                "workers": [{{Workers}}],
                "dispatch": "synchronous",
                "duration": { "kind": "deterministic" },
                "crash": { "meanUpSeconds": {{meanUp}}, "repairSeconds": 2.0, "requeue": "next-free-worker" }
              },
              "replicates": {{Replicates}}
            }
            """);
        return path;
    }
}
