namespace Almab.Reports.Html;

/// <summary>
/// Splits the Markdown subset the report bundles write (index.md, summary.md, claims.md: ATX headings, paragraphs,
/// "-" lists, pipe tables, fenced code) into blocks. Anything else is kept as paragraph text, so nothing is lost.
/// </summary>
public static class MarkdownBlocks
{
    /// <summary>The blocks of <paramref name="markdown"/> in document order.</summary>
    public static IReadOnlyList<MarkdownBlock> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<MarkdownBlock>();
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new(MarkdownBlockKind.Paragraph, string.Join(" ", paragraph), 0, [], []));
                paragraph.Clear();
            }
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd();
            string t = line.TrimStart();
            if (t.Length == 0)
            {
                Flush();
            }
            else if (t.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                var code = new List<string>();
                while (++i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    code.Add(lines[i]);
                }

                blocks.Add(new(MarkdownBlockKind.Code, string.Join("\n", code), 0, [], []));
            }
            else if (Heading(t) is int level)
            {
                Flush();
                blocks.Add(new(MarkdownBlockKind.Heading, t[(level + 1)..].Trim(), level, [], []));
            }
            else if (t.StartsWith("- ", StringComparison.Ordinal) || t.StartsWith("* ", StringComparison.Ordinal))
            {
                Flush();
                blocks.Add(new(MarkdownBlockKind.ListItem, t[2..].Trim(), 0, [], []));
            }
            else if (t.StartsWith('|') && i + 1 < lines.Length && IsSeparator(lines[i + 1].Trim()))
            {
                Flush();
                var rows = new List<string[]> { Cells(t) };
                bool[] right = [.. Cells(lines[i + 1].Trim()).Select(c => c.EndsWith(':'))];
                i++;
                while (i + 1 < lines.Length && lines[i + 1].TrimStart().StartsWith('|'))
                {
                    rows.Add(Cells(lines[++i].Trim()));
                }

                blocks.Add(new(MarkdownBlockKind.Table, "", 0, rows, right));
            }
            else
            {
                paragraph.Add(t);
            }
        }

        Flush();
        return blocks;
    }

    /// <summary>The cells of a pipe-table row (outer pipes optional; "\|" is a literal pipe).</summary>
    public static string[] Cells(string row)
    {
        string r = row.Trim();
        r = r.StartsWith('|') ? r[1..] : r;
        r = r.EndsWith('|') && !r.EndsWith("\\|", StringComparison.Ordinal) ? r[..^1] : r;
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        for (int i = 0; i < r.Length; i++)
        {
            if (r[i] == '\\' && i + 1 < r.Length && r[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (r[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(r[i]);
            }
        }

        cells.Add(cell.ToString().Trim());
        return [.. cells];
    }

    private static int? Heading(string t)
    {
        int n = 0;
        while (n < t.Length && n < 6 && t[n] == '#')
        {
            n++;
        }

        return n > 0 && n < t.Length && t[n] == ' ' ? n : null;
    }

    private static bool IsSeparator(string t) =>
        t.StartsWith('|') && t.Contains('-', StringComparison.Ordinal) && t.All(c => c is '|' or '-' or ':' or ' ');
}
