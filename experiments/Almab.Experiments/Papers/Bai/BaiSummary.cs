using System.Globalization;
using System.Text;
using Almab.Reports.Statistics;

namespace Almab.Experiments.Papers.Bai;

/// <summary>
/// The summary table of a run: failure probability (1 − success rate) per cell with its 95 % Wilson interval, one
/// row per (L, instance, consumption model), one column per agent, the best agent of each row in bold.
/// </summary>
public static class BaiSummary
{
    /// <summary>Failure probability of a cell and its Wilson interval.</summary>
    public static ProportionInterval Failure(BaiCellSummary s) => Proportions.Wilson(s.Failures, s.Trials);

    /// <summary>Markdown table.</summary>
    public static string Markdown(IReadOnlyList<BaiCellSummary> cells)
    {
        var agents = BaiAgents.Names.Where(a => cells.Any(c => c.Agent == a)).ToList();
        var sb = new StringBuilder();
        sb.AppendLine("Failure probability P(answer ≠ arm 1) [95 % Wilson interval], per cell; lowest of each row in bold. RA-UCB is Almab's own baseline, not the paper's.");
        sb.AppendLine();
        sb.AppendLine("| L | instance | consumption | trials | " + string.Join(" | ", agents.Select(BaiAgents.Label)) + " |");
        sb.AppendLine("|---|---|---|---|" + string.Concat(agents.Select(_ => "---|")));
        foreach (var row in Rows(cells))
        {
            var byAgent = row.ToDictionary(c => c.Agent);
            double best = row.Min(c => (double)c.Failures / c.Trials);
            sb.Append(CultureInfo.InvariantCulture, $"| {row.Key.Resources} | {row.Key.Instance} | {row.Key.Env} | {row.Max(c => c.Trials)} |");
            foreach (var a in agents)
            {
                if (!byAgent.TryGetValue(a, out var c))
                {
                    sb.Append(" – |");
                    continue;
                }

                var f = Failure(c);
                string v = string.Create(CultureInfo.InvariantCulture, $"{f.Estimate:F3} [{f.Lower:F3}, {f.Upper:F3}]");
                sb.Append(f.Estimate == best ? $" **{v}** |" : $" {v} |");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>CSV, one line per cell.</summary>
    public static string Csv(IReadOnlyList<BaiCellSummary> cells)
    {
        var sb = new StringBuilder("resources,instance,env,agent,trials,successes,failure,failure_lower,failure_upper,mean_pulls,no_answer,compute_seconds\n");
        foreach (var c in cells)
        {
            var f = Failure(c);
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Resources},{c.Instance},{c.Env},{c.Agent},{c.Trials},{c.Successes},{f.Estimate:R},{f.Lower:R},{f.Upper:R},{c.MeanPulls:R},{c.NoAnswer},{c.ComputeSeconds:R}"));
        }

        return sb.ToString();
    }

    /// <summary>Cells grouped by (L, instance, env), in stable order.</summary>
    public static IEnumerable<IGrouping<(int Resources, string Instance, string Env), BaiCellSummary>> Rows(IReadOnlyList<BaiCellSummary> cells) =>
        cells.GroupBy(c => (c.Resources, c.Instance, c.Env)).OrderBy(g => g.Key.Resources).ThenBy(g => g.Key.Instance, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Env, StringComparer.Ordinal);
}
