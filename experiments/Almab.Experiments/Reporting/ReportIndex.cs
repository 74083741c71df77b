using Almab.Reports.Html;

namespace Almab.Experiments.Reporting;

/// <summary>
/// Writes a report bundle's front page: <c>index.md</c> (start here in a terminal or on a forge) and beside it
/// <c>index.html</c> (<see cref="BundleHtml"/>: the same page with every figure inline, the linked Markdown tables
/// rendered and sortable, claim verdicts coloured; opens from disk with no server or network). Every paper's bundle
/// should end with this call once its figures, tables and claims are written.
/// </summary>
public static class ReportIndex
{
    /// <summary>Writes both files into <paramref name="directory"/>; returns the path of index.md.</summary>
    public static string Write(string directory, string markdown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(markdown);
        Directory.CreateDirectory(directory);
        string index = Path.Combine(directory, "index.md");
        File.WriteAllText(index, markdown);
        BundleHtml.Write(directory);
        return index;
    }
}
