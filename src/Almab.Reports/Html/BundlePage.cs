using System.Text;

namespace Almab.Reports.Html;

/// <summary>Renders Markdown blocks of one bundle to HTML for <see cref="BundleHtml"/>: lists, tables, embedded figures and linked Markdown files.</summary>
internal sealed class BundlePage(string root, string indexMarkdown)
{
    private readonly HashSet<string> _embedded = new(StringComparer.Ordinal) { indexMarkdown };

    /// <summary>Appends <paramref name="blocks"/>; headings shift down by <paramref name="shift"/> levels (for an embedded file).</summary>
    public void Blocks(StringBuilder sb, IReadOnlyList<MarkdownBlock> blocks, int shift)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            var pending = new List<string>();
            MarkdownBlock b = blocks[i];
            switch (b.Kind)
            {
                case MarkdownBlockKind.Heading:
                    int level = Math.Min(6, b.Level + shift);
                    sb.Append("<h").Append(level).Append('>').Append(Inline(b.Text, pending)).Append("</h").Append(level).Append(">\n");
                    break;
                case MarkdownBlockKind.Paragraph:
                    sb.Append("<p>").Append(Inline(b.Text, pending)).Append("</p>\n");
                    break;
                case MarkdownBlockKind.Code:
                    sb.Append("<pre><code>").Append(MarkdownInline.Escape(b.Text)).Append("</code></pre>\n");
                    break;
                case MarkdownBlockKind.Table:
                    Table(sb, b, pending);
                    break;
                default:
                    sb.Append("<ul>\n");
                    for (; i < blocks.Count && blocks[i].Kind == MarkdownBlockKind.ListItem; i++)
                    {
                        string item = Inline(blocks[i].Text, pending);
                        sb.Append(item.Contains("<figure", StringComparison.Ordinal) ? "<li class=\"has-figure\">" : "<li>").Append(item).Append("</li>\n");
                    }

                    i--;
                    sb.Append("</ul>\n");
                    break;
            }

            foreach (string file in pending)
            {
                Embed(sb, file, shift);
            }
        }
    }

    private void Embed(StringBuilder sb, string file, int shift)
    {
        sb.Append("<section class=\"embedded\" id=\"").Append(Anchor(file)).Append("\">\n<h").Append(Math.Min(6, 2 + shift)).Append(" class=\"file\">")
            .Append(MarkdownInline.Escape(file)).Append("</h").Append(Math.Min(6, 2 + shift)).Append(">\n");
        Blocks(sb, MarkdownBlocks.Parse(File.ReadAllText(Path.Combine(root, file))), shift + 2);
        sb.Append("</section>\n");
    }

    private void Table(StringBuilder sb, MarkdownBlock b, List<string> pending)
    {
        string[] header = b.Rows[0];
        int verdict = Array.FindIndex(header, h => MarkdownInline.Plain(h).Equals("verdict", StringComparison.OrdinalIgnoreCase));
        sb.Append("<table class=\"sortable\">\n<thead><tr>");
        for (int c = 0; c < header.Length; c++)
        {
            sb.Append("<th scope=\"col\" aria-sort=\"none\"").Append(Right(b, c)).Append('>').Append(Inline(header[c], pending)).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (string[] row in b.Rows.Skip(1))
        {
            sb.Append("<tr>");
            for (int c = 0; c < header.Length; c++)
            {
                string cell = c < row.Length ? row[c] : "";
                string cls = c == verdict ? " class=\"verdict " + VerdictClass(cell) + (b.RightAligned.ElementAtOrDefault(c) ? " num" : "") + "\"" : Right(b, c);
                sb.Append("<td").Append(cls).Append('>').Append(Inline(cell, pending)).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    /// <summary>"verdict-reproduced", "verdict-not-reproduced" or "verdict-other" for a verdict cell's text.</summary>
    public static string VerdictClass(string cell)
    {
        string v = MarkdownInline.Plain(cell).ToLowerInvariant();
        return v.StartsWith("reproduced", StringComparison.Ordinal) ? "verdict-reproduced"
            : v.StartsWith("not reproduced", StringComparison.Ordinal) ? "verdict-not-reproduced"
            : "verdict-other";
    }

    private static string Right(MarkdownBlock b, int c) => b.RightAligned.ElementAtOrDefault(c) ? " class=\"num\"" : "";

    private string Inline(string text, List<string> pending) => MarkdownInline.ToHtml(text, Image, href =>
    {
        if (LocalFile(href) is { } file && file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            if (_embedded.Add(file))
            {
                pending.Add(file);
            }

            return "#" + Anchor(file);
        }

        return href;
    });

    private string Image(string alt, string src)
    {
        string? file = LocalFile(src);
        string? svg = file is null ? null : LocalFile(Path.ChangeExtension(file, ".svg"));
        string? shown = file is not null && (file.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)) ? file : svg;
        if (shown is null)
        {
            return $"<span class=\"missing\">figure {MarkdownInline.Escape(src)} not in the bundle</span>";
        }

        string mime = shown.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? "image/svg+xml" : "image/png";
        string data = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(root, shown)));
        return $"<figure data-file=\"{MarkdownInline.Escape(shown)}\"><img alt=\"{MarkdownInline.Escape(alt)}\" src=\"data:{mime};base64,{data}\" /></figure>";
    }

    /// <summary>The bundle-relative path of a local href that exists inside the bundle folder; null for URLs, anchors, escapes and missing files.</summary>
    private string? LocalFile(string href)
    {
        if (href.Length == 0 || href.StartsWith('#') || href.Contains("://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return null;
        }

        string full = Path.GetFullPath(Path.Combine(root, Uri.UnescapeDataString(href)));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? Path.GetRelativePath(root, full) : null;
    }

    private static string Anchor(string file) => "file-" + new string([.. file.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
}
