using System.Globalization;
using System.Text;
using Almab.Experiments.Claims;

namespace Almab.Experiments.Papers.AlmabDc.Claims;

/// <summary>
/// README's "What reproduces" table, generated from claim verdicts (issue 17: the hand-written table went stale).
/// One row per claim that was checked (claims whose case is not in the databases are left out), in catalogue order:
/// quantity (paper place) | paper | Almab [95 % CI] | verdict. <see cref="Replace(string, string)"/> puts it between
/// <see cref="BeginMarker"/> and <see cref="EndMarker"/>, leaving everything else in the file as it was.
/// </summary>
public static class ReadmeClaimsTable
{
    /// <summary>The line after which the generated table starts.</summary>
    public const string BeginMarker = "<!-- almab claims --readme: begin (generated, do not edit) -->";

    /// <summary>The line before which it ends.</summary>
    public const string EndMarker = "<!-- almab claims --readme: end -->";

    /// <summary>The table as Markdown.</summary>
    public static string Render(IReadOnlyList<ClaimVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var sb = new StringBuilder();
        sb.AppendLine("| claim (paper, place) | paper | Almab [95 % CI] | verdict |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var v in verdicts.Where(v => v.Verdict != "not run"))
        {
            string value = double.IsNaN(v.Value) ? "–" : double.IsNaN(v.Lower) ? F(v.Value) : $"{F(v.Value)} [{F(v.Lower)}, {F(v.Upper)}]";
            sb.AppendLine($"| {Escape(v.Claim.Quantity)} ({v.Claim.Paper} {Escape(v.Claim.Where)}) | {v.Claim.StatedText} | {value} | {v.Verdict} |");
        }

        return sb.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> with the lines between the markers replaced by <paramref name="table"/>; throws
    /// <see cref="FormatException"/> naming the marker when one is missing or they are out of order.
    /// </summary>
    public static string Replace(string text, string table) => Replace(text, table, BeginMarker, EndMarker);

    /// <summary>The same between any pair of marker lines (the ATA rows use their own).</summary>
    public static string Replace(string text, string table, string beginMarker, string endMarker)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(beginMarker);
        ArgumentNullException.ThrowIfNull(endMarker);
        int begin = text.IndexOf(beginMarker, StringComparison.Ordinal);
        int end = text.IndexOf(endMarker, StringComparison.Ordinal);
        if (begin < 0 || end < 0 || end < begin)
        {
            throw new FormatException($"the file needs the line '{beginMarker}' and, after it, '{endMarker}'");
        }

        int start = text.IndexOf('\n', begin) + 1;
        return string.Concat(text.AsSpan(0, start), table, text.AsSpan(end));
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
