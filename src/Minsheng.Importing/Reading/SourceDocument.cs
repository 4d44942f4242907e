namespace Minsheng.Importing.Reading;

/// <summary>
/// The common shape every reader produces: paragraphs and tables in document order. Readers know formats;
/// everything after them (column mapping, project building) works on this model only.
/// </summary>
internal sealed record SourceDocument(IReadOnlyList<SourceBlock> Blocks, string Format, string? Encoding)
{
    public IEnumerable<SourceParagraph> Paragraphs => Blocks.OfType<SourceParagraph>();
    public IEnumerable<SourceTable> Tables => Blocks.OfType<SourceTable>();
}

internal abstract record SourceBlock(string Location);

/// <summary>One line or paragraph of running text.</summary>
internal sealed record SourceParagraph(string Text, string Location) : SourceBlock(Location);

/// <summary>A table as laid out in the source; header rows are still among <see cref="Rows"/>.</summary>
internal sealed record SourceTable(IReadOnlyList<SourceRow> Rows, string Location) : SourceBlock(Location);

internal sealed record SourceRow(IReadOnlyList<SourceCell> Cells, string Location)
{
    public string TextAt(int column) => column < Cells.Count ? Cells[column].Text : "";
    public bool IsBlank => Cells.All(c => string.IsNullOrWhiteSpace(c.Text));
}

/// <summary>
/// A cell's text (paragraphs separated by '\n'). <see cref="MergedFromAbove"/> marks the lower part of a vertically
/// merged cell, which carries no text of its own: the builder reads it as "same project as the row above".
/// </summary>
internal sealed record SourceCell(string Text, string Location, bool MergedFromAbove = false);
