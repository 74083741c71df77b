using System.Text;

namespace Almab.Reports.Html;

/// <summary>
/// Turns a report bundle folder into one self-contained <c>index.html</c> beside its <c>index.md</c>: the index's
/// headings, text and lists; every figure it shows (<c>![alt](x.png)</c>) embedded as a data URI (the PNG, or the SVG
/// when there is no PNG); every Markdown file of the bundle it links (summary.md, claims.md, ...) rendered in place,
/// its tables sortable by any column with a small inline script, and a table column named "verdict" coloured by
/// verdict (reproduced / not reproduced / other). No server, no network, no build step: open the file in a browser.
/// The page is well-formed XML as well as HTML.
/// </summary>
public static class BundleHtml
{
    /// <summary>Writes <c>index.html</c> from <paramref name="indexMarkdown"/> (default index.md) in <paramref name="directory"/>; returns its path.</summary>
    /// <exception cref="FileNotFoundException">The folder has no such index file.</exception>
    public static string Write(string directory, string indexMarkdown = "index.md")
    {
        string html = Render(directory, indexMarkdown);
        string path = Path.Combine(directory, Path.ChangeExtension(indexMarkdown, ".html"));
        File.WriteAllText(path, html, new UTF8Encoding(false));
        return path;
    }

    /// <summary>The HTML page of the bundle in <paramref name="directory"/>.</summary>
    public static string Render(string directory, string indexMarkdown = "index.md")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string root = Path.GetFullPath(directory);
        string indexPath = Path.Combine(root, indexMarkdown);
        if (!File.Exists(indexPath))
        {
            throw new FileNotFoundException($"report bundle has no {indexMarkdown}: {indexPath}", indexPath);
        }

        var blocks = MarkdownBlocks.Parse(File.ReadAllText(indexPath));
        string title = blocks.FirstOrDefault(b => b.Kind == MarkdownBlockKind.Heading) is { } h ? MarkdownInline.Plain(h.Text) : Path.GetFileName(root);
        var page = new BundlePage(root, indexMarkdown);
        var body = new StringBuilder();
        page.Blocks(body, blocks, 0);
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>").Append(MarkdownInline.Escape(title)).Append("</title>\n")
            .Append("<style>\n").Append(BundleHtmlAssets.Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append(body)
            .Append("<footer>Written by Almab from ").Append(MarkdownInline.Escape(indexMarkdown)).Append(" and the files it links; click a column header to sort.</footer>\n")
            .Append("</main>\n<script>//<![CDATA[\n").Append(BundleHtmlAssets.Script).Append("//]]></script>\n</body>\n</html>\n")
            .ToString();
    }
}
