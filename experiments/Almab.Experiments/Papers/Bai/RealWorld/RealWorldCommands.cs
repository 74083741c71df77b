using System.Diagnostics;
using System.Globalization;
using Almab.Algorithms.Randomness;
using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// <c>almab bai tabulate</c> (train every arm for real, write the pull table) and <c>almab bai realworld</c> (replay
/// the agents from the table, store the trials in realworld.db, print failure rates beside the paper's Tables 1–2).
/// </summary>
public static class RealWorldCommands
{
    /// <summary>Default case file next to the program.</summary>
    public static string DefaultCase => Path.Combine(AppContext.BaseDirectory, "cases", "bai-realworld.json");

    /// <summary>The program's data folder (committed data sets and the committed pull table).</summary>
    public static string DataDir => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The committed pull table next to the program.</summary>
    public static string DefaultTable => Path.Combine(DataDir, "realworld-pulls.csv.gz");

    /// <summary>Runs the tabulation and writes the table to <paramref name="table"/>.</summary>
    public static void Tabulate(RealWorldSpec spec, IReadOnlyList<string>? datasets, int? pulls, Seed root, string table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int n = pulls ?? spec.PullsPerArm;
        if (n < 1)
        {
            throw new UsageException($"--pulls: must be >= 1, got {n}");
        }

        var loaded = new List<(RealWorldDataset, LabeledData)>();
        foreach (var d in spec.Select(datasets))
        {
            try
            {
                var data = d.Load(DataDir);
                loaded.Add((d, data));
                writer.WriteLine($"tabulate: {d.Name}: {data.Rows} rows x {data.Columns} features, {data.Classes} classes");
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }
        }

        var arms = ArmCatalog.All;
        writer.WriteLine($"tabulate: {arms.Count} arms x {n} pulls on {loaded.Count} data set(s), test fraction {spec.TestFraction} -> {table}");
        var clock = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        double lastNote = 0;
        var records = Tabulator.Run(loaded, arms, n, spec.TestFraction, root, line =>
        {
            if (clock.Elapsed.TotalSeconds - lastNote >= 10)
            {
                lastNote = clock.Elapsed.TotalSeconds;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {line} ({lastNote:F0} s)"));
            }
        });
        double cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        var notes = new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"made by: almab bai tabulate --seed {root.Value} --pulls {n} (case {spec.Id}, test fraction {spec.TestFraction})"),
            $"cpu: {MachineInfo.CpuModel()}; load average at start: {MachineInfo.LoadAverage()}",
            string.Create(CultureInfo.InvariantCulture, $"date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {clock.Elapsed.TotalSeconds:F0} s wall, {cpuSeconds:F0} s CPU"),
            $"loss: mean cross-entropy on the test split, nats, true-class probability clipped to [{CrossEntropy.Clip}, 1]",
        };
        PullTable.Write(table, records, notes);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tabulate: {records.Count} pulls in {clock.Elapsed.TotalSeconds:F1} s wall, {cpuSeconds:F1} s CPU -> {table}"));
    }
}
