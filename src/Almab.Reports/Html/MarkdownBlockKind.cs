namespace Almab.Reports.Html;

/// <summary>Kinds of <see cref="MarkdownBlock"/>.</summary>
public enum MarkdownBlockKind
{
    /// <summary>"# ..." to "###### ...".</summary>
    Heading,

    /// <summary>Consecutive non-blank lines of text.</summary>
    Paragraph,

    /// <summary>"- ..." or "* ..." (one item; consecutive items form a list).</summary>
    ListItem,

    /// <summary>A pipe table: header row, separator row, body rows.</summary>
    Table,

    /// <summary>A fenced code block ("```"); <see cref="MarkdownBlock.Text"/> is its raw content.</summary>
    Code,
}
