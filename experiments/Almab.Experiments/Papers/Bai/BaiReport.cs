using System.Globalization;

namespace Almab.Experiments.Papers.Bai;

/// <summary>Writes summary.md, summary.csv and claims.md from a store, and prints the headline cells.</summary>
public static class BaiReport
{
    /// <summary>Writes the reports into <paramref name="dir"/>.</summary>
    public static void Write(BaiStore store, string dir, TextWriter writer)
    {
        var cells = store.Summaries();
        string summary = BaiSummary.Markdown(cells);
        File.WriteAllText(Path.Combine(dir, "summary.md"), "# SH-RR paper (002): synthetic grid\n\n" + summary);
        File.WriteAllText(Path.Combine(dir, "summary.csv"), BaiSummary.Csv(cells));
        var claims = BaiClaimsFile.Load(Path.Combine(AppContext.BaseDirectory, "claims", "bai.json"));
        File.WriteAllText(Path.Combine(dir, "claims.md"), BaiClaims.Markdown(cells, claims));
        writer.WriteLine(summary);
        foreach (var line in Headlines(cells, claims.PaperBaselines))
        {
            writer.WriteLine(line);
        }

        writer.WriteLine(BaiFigures.Figure2(cells, dir));
        writer.WriteLine($"wrote {Path.Combine(dir, "summary.md")}, summary.csv, claims.md");
    }

    /// <summary>
    /// One line per (L, matching) and model: SH-RR's success rate against the best paper baseline's, and every cell
    /// where some agent (including Almab's ra-ucb) beats SH-RR.
    /// </summary>
    public static IEnumerable<string> Headlines(IReadOnlyList<BaiCellSummary> cells, IReadOnlyList<string> baselines)
    {
        foreach (var row in BaiSummary.Rows(cells))
        {
            var s = row.FirstOrDefault(c => c.Agent == "sh-rr");
            var best = row.Where(c => baselines.Contains(c.Agent)).MaxBy(c => (double)c.Successes / c.Trials);
            if (s is null || best is null)
            {
                continue;
            }

            var beaters = row.Where(c => c.Agent != "sh-rr" && (double)c.Successes / c.Trials > (double)s.Successes / s.Trials).Select(c => c.Agent).ToList();
            string line = string.Create(CultureInfo.InvariantCulture,
                $"L={row.Key.Resources} {row.Key.Instance} {row.Key.Env}: success SH-RR {(double)s.Successes / s.Trials:F3}, best paper baseline {best.Agent} {(double)best.Successes / best.Trials:F3}");
            yield return beaters.Count > 0 ? $"{line}; SH-RR not best (beaten by {string.Join(", ", beaters)})" : line;
        }
    }
}
