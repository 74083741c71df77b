namespace Almab.Reports.Html;

/// <summary>One block of the Markdown subset report bundles write (see <see cref="MarkdownBlocks"/>).</summary>
/// <param name="Kind">What the block is.</param>
/// <param name="Text">Heading, paragraph or list-item text (inline Markdown); empty for tables.</param>
/// <param name="Level">Heading level 1-6; 0 otherwise.</param>
/// <param name="Rows">Table rows, header first, cells as inline Markdown; empty otherwise.</param>
/// <param name="RightAligned">Per table column: right-aligned ("---:" in the separator row).</param>
public sealed record MarkdownBlock(MarkdownBlockKind Kind, string Text, int Level, IReadOnlyList<string[]> Rows, bool[] RightAligned);
