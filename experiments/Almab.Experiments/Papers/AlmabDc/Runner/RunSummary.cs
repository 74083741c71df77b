using System.Globalization;
using Almab.Experiments.Claims;
using Almab.Experiments.Papers.AlmabDc.Cases;
using Almab.Experiments.Papers.AlmabDc.Claims;
using Almab.Experiments.Papers.Ata;
using Almab.Experiments.Runner;
using Almab.Experiments.Store;

namespace Almab.Experiments.Papers.AlmabDc.Runner;

/// <summary>
/// The one-screen table printed after a run: per (method, K, budget, noise) the number of replicates, the median
/// [IQR] and mean ± sd of the final metric, mean virtual makespan and real compute, and the paper's stated value
/// for that cell when it states one (<c>Papers/*/claims</c>), so a reader sees both side by side. When the case's
/// cluster crashes (or a stored replicate recorded crashes), a column gives the attempts crashes cut short, summed
/// over the cell's replicates ("?" where a replicate predates the store's crash column).
/// </summary>
public static class RunSummary
{
    /// <summary>Writes the table for <paramref name="results"/>.</summary>
    public static void Write(TextWriter output, CaseDefinition definition, IReadOnlyList<ReplicateResult> results)
    {
        if (results.Count == 0)
        {
            output.WriteLine("no finished replicates");
            return;
        }

        string metric = results[0].MetricName;
        bool crashes = definition.Cluster.Crash is not null || results.Any(r => r.CrashedAttempts > 0);
        var header = new[] { "method", "K", "budget", "noise", "n", $"median {metric} [IQR]", "mean ± sd", "makespan (virt. s)", "compute (s)", "crashed attempts", "paper" };
        var rows = new List<string[]>();
        foreach (var g in results.GroupBy(r => (r.Cell.Method, r.Cell.Workers, r.Cell.Budget, r.Cell.Noise))
                     .OrderBy(g => definition.Methods.IndexOf(g.Key.Method)).ThenBy(g => g.Key.Workers).ThenBy(g => g.Key.Budget).ThenBy(g => g.Key.Noise))
        {
            double[] v = g.Select(r => r.FinalMetric).Order().ToArray();
            double mean = v.Average();
            double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
            var claim = ClaimsCatalog.FinalValue(definition.Id, g.Key.Method, g.Key.Workers);
            string paper = claim is null ? "" : claim.Check == "own-model" ? $"{F(claim.Stated)} (own emulator)" : $"{F(claim.Stated)} ({claim.Check.Replace("-final", "", StringComparison.Ordinal)})";
            rows.Add([
                g.Key.Method, I(g.Key.Workers), I(g.Key.Budget), F(g.Key.Noise), I(v.Length),
                $"{F(Quantile(v, 0.5))} [{F(Quantile(v, 0.25))}, {F(Quantile(v, 0.75))}]",
                $"{F(mean)} ± {F(sd)}",
                F(g.Average(r => r.MakespanSeconds)),
                F(g.Average(r => r.ComputeSeconds)),
                g.Any(r => r.CrashedAttempts is null) ? "?" : I(g.Sum(r => r.CrashedAttempts!.Value)),
                paper,
            ]);
        }

        if (!crashes)
        {
            const int column = 9; // no crash model: the column would be all zeros
            header = [.. header.Where((_, i) => i != column)];
            rows = [.. rows.Select(r => r.Where((_, i) => i != column).ToArray())];
        }

        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }

        output.WriteLine($"quantiles: linear interpolation (R type 7); {definition.Metric} computed on noise-free values; paper values from Papers/AlmabDc/claims.");
    }

    /// <summary>Linear-interpolation quantile (R type 7) of sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        double h = (sorted.Count - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double v) =>
        double.IsNaN(v) ? "-" : Math.Abs(v) >= 1000 ? v.ToString("F0", CultureInfo.InvariantCulture) : v.ToString("G4", CultureInfo.InvariantCulture);
}
