using System.Globalization;
using System.Text;
using Almab.Reports.Statistics;

namespace Almab.Experiments.Papers.Bai;

/// <summary>
/// Verdicts on the SH-RR paper's section 7 statements, each tested per cell with the pooled two-proportion z-test on
/// failure counts and Holm's correction over the claim's family of tests (<see cref="Proportions"/>,
/// <see cref="PValueAdjustment"/>). Written to claims.md beside the data.
/// </summary>
public static class BaiClaims
{
    /// <summary>The claims report in Markdown.</summary>
    public static string Markdown(IReadOnlyList<BaiCellSummary> cells, BaiClaimsFile claims)
    {
        var sb = new StringBuilder("# SH-RR paper (002), section 7: claims checked on Almab's synthetic grid\n\n");
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Failure probability = failures / trials; intervals are 95 % Wilson; tests are pooled two-proportion z-tests on failure counts with Holm's correction (α = {claims.Alpha}) over each claim's cells. Paper baselines: {string.Join(", ", claims.PaperBaselines)} (Almab's ra-ucb is not one of them). The paper gives no numbers for Figure 2 in its text, so each statement is checked qualitatively, cell by cell.\n"));
        foreach (var claim in claims.Claims)
        {
            var rows = claim.Test switch
            {
                "shrr-best" => ShRrBest(cells, claims, claim.Matching ?? "HL"),
                "shrr-not-worse" => ShRrNotWorse(cells, claims, claim.Matching ?? "HH"),
                "hh-harder" => HhHarder(cells, claims.Alpha),
                "mixture-like-hh" => MixtureLikeHh(cells, claims.Alpha),
                _ => throw new Cli.UsageException($"claim '{claim.Id}': unknown test '{claim.Test}'"),
            };
            int held = rows.Count(r => r.Holds);
            string verdict = rows.Count == 0 ? "not run" : held == rows.Count ? "reproduced" : held == 0 ? "not reproduced" : $"partly reproduced ({held} of {rows.Count} cells)";
            sb.AppendLine($"## {claim.Id}: {verdict}\n");
            sb.AppendLine($"> \"{claim.Statement}\" ({claim.Where})\n");
            sb.AppendLine($"Almab's reading: {claim.Reading}.\n");
            sb.AppendLine("| cell | data | Holm p | holds |\n|---|---|---|---|");
            foreach (var r in rows)
            {
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Cell} | {r.Data} | {r.AdjustedP:G3} | {(r.Holds ? "yes" : "**no**")} |"));
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>One tested cell of a claim.</summary>
    public sealed record Row(string Cell, string Data, double AdjustedP, bool Holds);

    internal static string F(BaiCellSummary c)
    {
        var f = BaiSummary.Failure(c);
        return string.Create(CultureInfo.InvariantCulture, $"{f.Estimate:F3} [{f.Lower:F3}, {f.Upper:F3}]");
    }

    private static double Rate(BaiCellSummary c) => (double)c.Failures / c.Trials;

    private static List<Row> ShRrBest(IReadOnlyList<BaiCellSummary> cells, BaiClaimsFile claims, string matching) =>
        AgainstBaselines(cells, claims, matching, (s, b) => Proportions.TwoProportionZTest(s.Failures, s.Trials, b.Failures, b.Trials, Alternative.Less).PValue)
            .Select(g =>
            {
                var best = g.MinBy(x => Rate(x.Baseline));
                double margin = Rate(best.Baseline) - Rate(best.ShRr);
                double worstP = g.Max(x => x.AdjustedP);
                bool holds = worstP < claims.Alpha && margin >= 0.05;
                return new Row(g.Key, string.Create(CultureInfo.InvariantCulture,
                    $"SH-RR {F(best.ShRr)}; best baseline {best.Baseline.Agent} {F(best.Baseline)}; margin {margin:F3}"), worstP, holds);
            }).ToList();

    private static List<Row> ShRrNotWorse(IReadOnlyList<BaiCellSummary> cells, BaiClaimsFile claims, string matching) =>
        AgainstBaselines(cells, claims, matching, (s, b) => Proportions.TwoProportionZTest(b.Failures, b.Trials, s.Failures, s.Trials, Alternative.Less).PValue)
            .Select(g =>
            {
                var best = g.MinBy(x => Rate(x.Baseline));
                double minP = g.Min(x => x.AdjustedP);
                return new Row(g.Key, $"SH-RR {F(best.ShRr)}; best baseline {best.Baseline.Agent} {F(best.Baseline)}", minP, minP >= claims.Alpha);
            }).ToList();

    /// <summary>
    /// SH-RR against each of the paper's baselines in every cell of <paramref name="matching"/>: one p-value per pair
    /// from <paramref name="test"/>, Holm-adjusted over all pairs of the claim, grouped by cell.
    /// </summary>
    private static IEnumerable<IGrouping<string, (BaiCellSummary ShRr, BaiCellSummary Baseline, double AdjustedP)>> AgainstBaselines(
        IReadOnlyList<BaiCellSummary> cells, BaiClaimsFile claims, string matching, Func<BaiCellSummary, BaiCellSummary, double> test)
    {
        var tests = new List<(string Cell, BaiCellSummary S, BaiCellSummary B, double P)>();
        foreach (var row in BaiSummary.Rows(cells).Where(r => r.First().Matching == matching))
        {
            var s = row.FirstOrDefault(c => c.Agent == "sh-rr");
            if (s is null)
            {
                continue;
            }

            foreach (var b in row.Where(c => claims.PaperBaselines.Contains(c.Agent)))
            {
                tests.Add((Key(row.Key), s, b, test(s, b)));
            }
        }

        var adjusted = PValueAdjustment.Adjust(tests.Select(t => t.P).ToArray(), PValueCorrection.Holm);
        return tests.Select((t, i) => (t.Cell, Pair: (ShRr: t.S, Baseline: t.B, AdjustedP: adjusted[i])))
            .GroupBy(x => x.Cell, x => x.Pair);
    }

    private static List<Row> HhHarder(IReadOnlyList<BaiCellSummary> cells, double alpha)
    {
        var pairs = cells.Where(c => c.Matching == "HH")
            .Select(hh => (hh, hl: cells.FirstOrDefault(c => c.Matching == "HL" && c.Family == hh.Family && c.Env == hh.Env && c.Resources == hh.Resources && c.Agent == hh.Agent)))
            .Where(p => p.hl is not null).ToList();
        var p = pairs.Select(x => Proportions.TwoProportionZTest(x.hh.Failures, x.hh.Trials, x.hl!.Failures, x.hl.Trials, Alternative.Greater).PValue).ToArray();
        var adjusted = PValueAdjustment.Adjust(p, PValueCorrection.Holm);
        return pairs.Select((x, i) => new Row($"L={x.hh.Resources} {x.hh.Family} {x.hh.Env} {x.hh.Agent}",
            $"HH {F(x.hh)}; HL {F(x.hl!)}", adjusted[i], adjusted[i] < alpha)).ToList();
    }

    private static List<Row> MixtureLikeHh(IReadOnlyList<BaiCellSummary> cells, double alpha)
    {
        BaiCellSummary? Find(BaiCellSummary m, string matching) =>
            cells.FirstOrDefault(c => c.Matching == matching && c.Family == m.Family && c.Env == m.Env && c.Resources == m.Resources && c.Agent == m.Agent);
        var triples = cells.Where(c => c.Matching == "Mixture").Select(m => (m, hh: Find(m, "HH"), hl: Find(m, "HL")))
            .Where(t => t.hh is not null && t.hl is not null).ToList();
        var p = triples.Select(t => Proportions.TwoProportionZTest(t.m.Failures, t.m.Trials, t.hh!.Failures, t.hh.Trials).PValue).ToArray();
        var adjusted = PValueAdjustment.Adjust(p, PValueCorrection.Holm);
        return triples.Select((t, i) =>
        {
            bool closer = Math.Abs(Rate(t.m) - Rate(t.hh!)) <= Math.Abs(Rate(t.m) - Rate(t.hl!));
            return new Row($"L=2 {t.m.Family} {t.m.Env} {t.m.Agent}", $"Mixture {F(t.m)}; HH {F(t.hh!)}; HL {F(t.hl!)}", adjusted[i],
                adjusted[i] >= alpha && closer);
        }).ToList();
    }

    private static string Key((int Resources, string Instance, string Env) k) => $"L={k.Resources} {k.Instance} {k.Env}";
}
