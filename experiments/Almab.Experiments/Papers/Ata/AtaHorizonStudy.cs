using System.Globalization;
using System.Text;
using Almab.Algorithms.Allocation;
using Almab.Algorithms.Randomness;
using Almab.Reports.Csv;
using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Claims;

namespace Almab.Experiments.Papers.Ata;

/// <summary>
/// How the Table 1-2 ratios of ATA and ATA-E depend on the horizon K (rounds to the SGD tolerance, which the paper's
/// unstated d and γ fix): each method runs exactly K rounds on the same worker clocks, ratios against GTA as in the
/// tables, mean and 95 % CI over seeds. This is the evidence for our default horizon (<see cref="AtaSgdSettings"/>).
/// </summary>
public static class AtaHorizonStudy
{
    /// <summary>One (model, n, K, method) cell.</summary>
    public sealed record Row(string Model, int Workers, long Horizon, string Method, double WorkerRatio, double WorkerLower, double WorkerUpper,
        double RuntimeRatio, double RuntimeLower, double RuntimeUpper);

    /// <summary>Runs every (n, K, seed, method) cell in parallel; rows in (n, K, method) order.</summary>
    public static IReadOnlyList<Row> Run(string model, IReadOnlyList<int> workerCounts, IReadOnlyList<long> horizons, int seeds, Seed root, int threads, int batch = 23)
    {
        var study = root.Derive("ata-horizon").Derive(model);
        int methods = AtaTableExperiment.Methods.Length;
        var sums = new (double Runtime, double Worker)[workerCounts.Count * horizons.Count * seeds * methods];
        Parallel.For(0, sums.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, cell =>
        {
            int m = cell % methods, s = cell / methods % seeds, h = cell / methods / seeds % horizons.Count, ni = cell / methods / seeds / horizons.Count;
            int n = workerCounts[ni];
            var times = AtaTableExperiment.Times(model, n);
            var simulator = new AllocationRoundSimulator(times, batch, study.Derive("clock").Derive(n).Derive(s));
            double runtime = 0, worker = 0;
            AllocationRoundCallback add = (_, _, c, w, _) =>
            {
                runtime += c;
                worker += w;
            };
            if (m == 0)
            {
                simulator.RunGreedy(horizons[h], add);
            }
            else
            {
                simulator.Run(AtaTableExperiment.Policy(AtaTableExperiment.Methods[m], times, study.Derive("uta").Derive(n).Derive(s)), horizons[h], add);
            }

            sums[cell] = (runtime, worker);
        });

        var rows = new List<Row>();
        for (int ni = 0; ni < workerCounts.Count; ni++)
        {
            for (int h = 0; h < horizons.Count; h++)
            {
                for (int m = 1; m < methods; m++)
                {
                    var wr = new double[seeds];
                    var rr = new double[seeds];
                    for (int s = 0; s < seeds; s++)
                    {
                        int baseCell = ((((ni * horizons.Count) + h) * seeds) + s) * methods;
                        wr[s] = sums[baseCell].Worker / sums[baseCell + m].Worker;
                        rr[s] = sums[baseCell + m].Runtime / sums[baseCell].Runtime;
                    }

                    var w = IntervalEstimates.Mean(wr);
                    var r = IntervalEstimates.Mean(rr);
                    rows.Add(new Row(model, workerCounts[ni], horizons[h], AtaTableExperiment.Methods[m], w.Mean, w.Lower, w.Upper, r.Mean, r.Lower, r.Upper));
                }
            }
        }

        return rows;
    }

    /// <summary>Rows as Markdown beside the paper's values.</summary>
    public static string Markdown(IReadOnlyList<Row> rows, IReadOnlyDictionary<(string Model, int N, string Method), (double Worker, double Runtime)> paper)
    {
        var sb = new StringBuilder();
        sb.AppendLine("### Horizon study — ratios against GTA after exactly K rounds");
        sb.AppendLine();
        sb.AppendLine("| model | n | K | method | worker ratio | paper | runtime ratio | paper |");
        sb.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            bool has = paper.TryGetValue((r.Model, r.Workers, r.Method), out var p);
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Model} | {r.Workers} | {r.Horizon} | {r.Method} | {r.WorkerRatio:G4} [{r.WorkerLower:G4}, {r.WorkerUpper:G4}] | {(has ? p.Worker.ToString(CultureInfo.InvariantCulture) : "–")} | {r.RuntimeRatio:G4} [{r.RuntimeLower:G4}, {r.RuntimeUpper:G4}] | {(has ? p.Runtime.ToString(CultureInfo.InvariantCulture) : "–")} |"));
        }

        return sb.ToString();
    }

    /// <summary>Rows as CSV.</summary>
    public static string Csv(IReadOnlyList<Row> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CsvFormat.Line(["model", "n", "horizon_rounds", "method", "worker_ratio", "worker_lo", "worker_hi", "runtime_ratio", "runtime_lo", "runtime_hi"]));
        foreach (var r in rows)
        {
            sb.AppendLine(CsvFormat.Line([r.Model, r.Workers.ToString(CultureInfo.InvariantCulture), r.Horizon.ToString(CultureInfo.InvariantCulture), r.Method,
                CsvFormat.Field(r.WorkerRatio), CsvFormat.Field(r.WorkerLower), CsvFormat.Field(r.WorkerUpper),
                CsvFormat.Field(r.RuntimeRatio), CsvFormat.Field(r.RuntimeLower), CsvFormat.Field(r.RuntimeUpper)]));
        }

        return sb.ToString();
    }
}
