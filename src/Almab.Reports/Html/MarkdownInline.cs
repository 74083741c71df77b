using System.Text;
using System.Text.RegularExpressions;

namespace Almab.Reports.Html;

/// <summary>
/// Inline Markdown of the report bundles to HTML: <c>**bold**</c>, <c>`code`</c>, <c>[text](href)</c> and
/// <c>![alt](src)</c>; every other character is HTML-escaped, so any text is safe to embed.
/// </summary>
public static partial class MarkdownInline
{
    /// <summary>Converts <paramref name="text"/>; <paramref name="image"/> turns (alt, src) into HTML, <paramref name="link"/> maps an href (e.g. to an in-page anchor).</summary>
    public static string ToHtml(string text, Func<string, string, string> image, Func<string, string>? link = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(image);
        var sb = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            Match m;
            if (text[i] == '!' && (m = ImagePattern().Match(text, i)).Success && m.Index == i)
            {
                sb.Append(image(m.Groups[1].Value, m.Groups[2].Value));
                i += m.Length;
            }
            else if (text[i] == '[' && (m = LinkPattern().Match(text, i)).Success && m.Index == i)
            {
                string href = link?.Invoke(m.Groups[2].Value) ?? m.Groups[2].Value;
                sb.Append("<a href=\"").Append(Escape(href)).Append("\">").Append(ToHtml(m.Groups[1].Value, image, link)).Append("</a>");
                i += m.Length;
            }
            else if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*' && text.IndexOf("**", i + 2, StringComparison.Ordinal) is int end and > 0)
            {
                sb.Append("<strong>").Append(ToHtml(text[(i + 2)..end], image, link)).Append("</strong>");
                i = end + 2;
            }
            else if (text[i] == '`' && text.IndexOf('`', i + 1) is int close and > 0)
            {
                sb.Append("<code>").Append(Escape(text[(i + 1)..close])).Append("</code>");
                i = close + 1;
            }
            else
            {
                sb.Append(Escape(text[i].ToString()));
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>The text without Markdown markup (for titles and verdict classes).</summary>
    public static string Plain(string text) =>
        LinkPattern().Replace(ImagePattern().Replace(text ?? "", "$1"), "$1").Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Trim();

    /// <summary>Escapes &amp;, &lt;, &gt; and double quotes.</summary>
    public static string Escape(string text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    [GeneratedRegex(@"!\[([^\]]*)\]\(([^)\s]*)\)")]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"\[([^\]]*)\]\(([^)\s]*)\)")]
    private static partial Regex LinkPattern();
}
