using System.Text;

namespace Almab.Reports.Tables;

/// <summary>
/// Renders a <see cref="SummaryTable"/> as GitHub-flavoured Markdown: one section and pipe table per
/// group, then the footnote. Method and case names are escaped (backslash before Markdown
/// punctuation, line breaks as spaces), so names with "|" or "*" cannot break the table.
/// </summary>
public static class MarkdownSummaryRenderer
{
    /// <summary>The Markdown text ("\n" line ends).</summary>
    public static string Render(SummaryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        string metric = Escape(table.MetricName);
        sb.Append("# Final ").Append(metric).Append(" by method\n");
        foreach (SummaryGroup g in table.Groups)
        {
            sb.Append("\n## ").Append(Escape(g.Case)).Append(" — K = ").Append(g.Workers)
              .Append(", budget = ").Append(g.Budget).Append(", noise = ").Append(TableNumberFormat.Exact(g.Noise)).Append("\n\n");
            sb.Append("| Method | n | ").Append(metric).Append(" mean ± sd | median [Q1, Q3] | mean cum. regret | mean virtual s | mean compute s |\n");
            sb.Append("|---|---:|---:|---:|---:|---:|---:|\n");
            int d = TableNumberFormat.MetricDecimals(g);
            foreach (SummaryRow r in g.Rows)
            {
                string meanSd = $"{TableNumberFormat.Fixed(r.Mean, d, "–")} ± {TableNumberFormat.Fixed(r.StandardDeviation, d, "–")}";
                sb.Append("| ").Append(Escape(r.Method)).Append(Mark(r)).Append(r.IsReference ? " (ref.)" : "")
                  .Append(" | ").Append(r.N)
                  .Append(" | ").Append(r.IsBest ? "**" + meanSd + "**" : meanSd)
                  .Append(" | ").Append(TableNumberFormat.Fixed(r.Median, d, "–"))
                  .Append(" [").Append(TableNumberFormat.Fixed(r.LowerQuartile, d, "–"))
                  .Append(", ").Append(TableNumberFormat.Fixed(r.UpperQuartile, d, "–")).Append(']')
                  .Append(" | ").Append(TableNumberFormat.Significant3(r.MeanCumulativeRegret, "–"))
                  .Append(" | ").Append(TableNumberFormat.Significant3(r.MeanVirtualSeconds, "–"))
                  .Append(" | ").Append(TableNumberFormat.Significant3(r.MeanComputeSeconds, "–"))
                  .Append(" |\n");
            }
        }

        sb.Append('\n').Append(Escape(table.Footnote)).Append('\n');
        return sb.ToString();
    }

    /// <summary>The mark suffix (" †", " ††", " ‡", " ‡‡" or empty).</summary>
    internal static string Mark(SummaryRow r) => r.Mark switch
    {
        SignificanceMark.ReferenceBetter05 => " †",
        SignificanceMark.ReferenceBetter01 => " ††",
        SignificanceMark.MethodBetter05 => " ‡",
        SignificanceMark.MethodBetter01 => " ‡‡",
        _ => "",
    };

    /// <summary>Escapes Markdown punctuation that could change the table or inline formatting.</summary>
    internal static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#':
                    sb.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
