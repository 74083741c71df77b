using System.Globalization;
using System.Text;
using Almab.Reports.Statistics;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// realworld.md: Almab's failure probabilities per (agent, data set) with 95 % Wilson intervals beside the paper's
/// Tables 1–2 (stating that the data differ), the arms of each data set (best arm, losses, seconds) and the verdict on
/// "SH-RR superior across all experiments" (pooled two-proportion z-tests, Holm).
/// </summary>
public static class RealWorldReport
{
    /// <summary>The report in Markdown.</summary>
    public static string Markdown(IReadOnlyList<BaiCellSummary> cells, IReadOnlyList<RealWorldArms> arms, RealWorldSpec spec, PaperTables paper, string tableNote)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(paper);
        var sb = new StringBuilder("# SH-RR paper (002), section 7: real-world study (Tables 1-2 analogue)\n\n");
        sb.AppendLine($"**The data differ from the paper's**: Almab's data sets, classifiers (ML.NET and its own KNN instead of scikit-learn) and machine are not the paper's, so its numbers are printed beside the paper's, not tested against them. Pull table: {tableNote}. Consumption = measured {spec.Clock} seconds of training + scoring, replayed from the table (one recorded pull drawn at random per pull); best arm = lowest mean cross-entropy in the table.\n");
        var datasets = arms.Select(a => a.Dataset).ToList();
        var agents = BaiAgents.Names.Where(a => cells.Any(c => c.Agent == a)).ToList();
        sb.AppendLine("Failure probability P(answer ≠ best arm) [95 % Wilson interval]; in parentheses the paper's value for the column the data set stands in for.\n");
        sb.AppendLine("| agent | " + string.Join(" | ", datasets.Select(d => Header(d, spec, paper))) + " |");
        sb.AppendLine("|---|" + string.Concat(datasets.Select(_ => "---|")));
        foreach (string agent in agents)
        {
            sb.Append($"| {BaiAgents.Label(agent)} |");
            foreach (string d in datasets)
            {
                var c = cells.FirstOrDefault(x => x.Agent == agent && x.Instance == d);
                var column = PaperFor(d, spec, paper);
                string theirs = column is not null && column.Failure.TryGetValue(agent, out double v) ? string.Create(CultureInfo.InvariantCulture, $" (paper {v:0.00})") : "";
                sb.Append(c is null ? " – |" : $" {F(c)}{theirs} |");
            }

            sb.AppendLine();
        }

        sb.AppendLine();
        sb.AppendLine(Claim(cells, paper));
        foreach (var a in arms)
        {
            sb.AppendLine(ArmTable(a, spec));
        }

        return sb.ToString();
    }

    /// <summary>The claim section: per data set, SH-RR against each paper baseline.</summary>
    public static string Claim(IReadOnlyList<BaiCellSummary> cells, PaperTables paper)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(paper);
        string[] baselines = ["at-lucb", "ucb", "uniform", "dsh"];
        var tests = new List<(string Data, BaiCellSummary S, BaiCellSummary B, double PLess, double PGreater)>();
        foreach (var group in cells.GroupBy(c => c.Instance).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var s = group.FirstOrDefault(c => c.Agent == "sh-rr");
            if (s is null)
            {
                continue;
            }

            foreach (var b in group.Where(c => baselines.Contains(c.Agent)))
            {
                tests.Add((group.Key, s, b,
                    Proportions.TwoProportionZTest(s.Failures, s.Trials, b.Failures, b.Trials, Alternative.Less).PValue,
                    Proportions.TwoProportionZTest(s.Failures, s.Trials, b.Failures, b.Trials, Alternative.Greater).PValue));
            }
        }

        var less = PValueAdjustment.Adjust(tests.Select(t => t.PLess).ToArray(), PValueCorrection.Holm);
        var greater = PValueAdjustment.Adjust(tests.Select(t => t.PGreater).ToArray(), PValueCorrection.Holm);
        var sb = new StringBuilder();
        var perData = tests.Select((t, i) => (t, less: less[i], greater: greater[i])).GroupBy(x => x.t.Data).ToList();
        int held = perData.Count(g => g.All(x => x.less < 0.05));
        string verdict = perData.Count == 0 ? "not run" : held == perData.Count ? "reproduced" : held == 0 ? "not reproduced" : $"partly reproduced ({held} of {perData.Count} data sets)";
        sb.AppendLine($"## {paper.Claim.Id}: {verdict}\n");
        sb.AppendLine($"> \"{paper.Claim.Statement}\" ({paper.Where})\n");
        sb.AppendLine($"Almab's reading: {paper.Claim.Reading}.\n");
        sb.AppendLine("| data set | SH-RR | baseline | baseline failure | Holm p (SH-RR lower) | Holm p (SH-RR higher) |\n|---|---|---|---|---|---|");
        foreach (var g in perData)
        {
            foreach (var x in g)
            {
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {g.Key} | {F(x.t.S)} | {BaiAgents.Label(x.t.B.Agent)} | {F(x.t.B)} | {x.less:G3} | {x.greater:G3} |"));
            }
        }

        sb.AppendLine();
        foreach (var g in perData)
        {
            string state = g.All(x => x.less < 0.05) ? "holds (every baseline beaten significantly)"
                : g.Any(x => x.greater < 0.05) ? "**does not hold: a baseline is significantly better**"
                : "not shown: SH-RR is not significantly better than every baseline, nor significantly worse than any";
            sb.AppendLine($"- {g.Key}: {state}");
        }

        return sb.ToString();
    }

    private static string ArmTable(RealWorldArms a, RealWorldSpec spec)
    {
        var d = spec.Datasets.First(x => x.Name == a.Dataset);
        var p = a.Pulls;
        double round = p.MeanConsumption.Sum();
        var order = Enumerable.Range(0, p.Arms).OrderByDescending(k => p.MeanRewards[k]).ToList();
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"### {a.Dataset}: budget {d.BudgetSeconds(p.MeanConsumption):F1} s = {d.BudgetRounds:0.#} uniform rounds (one pull of every arm costs {round:F2} s on average)\n"));
        sb.AppendLine("| rank | arm | mean loss (nats) | sd | mean accuracy | mean seconds | pulls recorded |\n|---|---|---|---|---|---|---|");
        for (int r = 0; r < order.Count; r++)
        {
            int k = order[r];
            var losses = Enumerable.Range(0, p.Count(k)).Select(i => -p.Reward(k, i)).ToArray();
            double mean = losses.Average();
            double sd = losses.Length > 1 ? Math.Sqrt(losses.Sum(x => (x - mean) * (x - mean)) / (losses.Length - 1)) : 0;
            string name = k == p.BestArm ? $"**{a.Names[k]}** (best)" : a.Names[k];
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r + 1} | {name} | {mean:F4} | {sd:F4} | {a.MeanAccuracy[k]:F3} | {p.MeanConsumption[k]:F4} | {p.Count(k)} |"));
        }

        return sb.ToString();
    }

    private static PaperColumn? PaperFor(string dataset, RealWorldSpec spec, PaperTables paper)
    {
        string? column = spec.Datasets.FirstOrDefault(d => d.Name == dataset)?.PaperColumn;
        return column is null ? null : paper.Columns.FirstOrDefault(c => c.Name == column);
    }

    private static string Header(string dataset, RealWorldSpec spec, PaperTables paper)
    {
        var column = PaperFor(dataset, spec, paper);
        return column is null ? $"{dataset} (no paper column)" : $"{dataset} (paper: {column.Name}, Table {column.Table})";
    }

    private static string F(BaiCellSummary c)
    {
        var f = BaiSummary.Failure(c);
        return string.Create(CultureInfo.InvariantCulture, $"{f.Estimate:F2} [{f.Lower:F2}, {f.Upper:F2}]");
    }
}
