using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Minsheng.Importing.Building;

namespace Minsheng.Importing.Reading;

/// <summary>
/// Reads a Word document body in order: paragraphs, and tables with merged cells resolved. A horizontally merged cell
/// (gridSpan) fills its first column and leaves the others empty; the lower parts of a vertically merged cell (vMerge)
/// are marked <see cref="SourceCell.MergedFromAbove"/>.
/// </summary>
internal static class DocxReader
{
    public static SourceDocument Read(byte[] content)
    {
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new ImportRejectedException("docx.no-body", "The Word document has no body text.");
            var blocks = new List<SourceBlock>();
            var paragraphNumber = 0;
            var tableNumber = 0;
            Collect(body.ChildElements, blocks, ref paragraphNumber, ref tableNumber);
            return new SourceDocument(blocks, "docx", null);
        }
        catch (Exception e) when (e is not ImportRejectedException)
        {
            throw new ImportRejectedException("docx.damaged", $"The Word document cannot be opened: its content is damaged ({e.GetType().Name}).");
        }
    }

    private static void Collect(OpenXmlElementList elements, List<SourceBlock> blocks, ref int paragraphNumber, ref int tableNumber)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    paragraphNumber++;
                    var text = TextCleaner.NormalizeCharacters(ParagraphText(paragraph));
                    if (text.Trim().Length > 0) blocks.Add(new SourceParagraph(TextCleaner.TidyLine(text).Replace('\n', ' '), $"paragraph {paragraphNumber}"));
                    break;
                case Table table:
                    tableNumber++;
                    blocks.Add(ReadTable(table, tableNumber));
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                    Collect(sdtContent.ChildElements, blocks, ref paragraphNumber, ref tableNumber);
                    break;
            }
        }
    }

    private static SourceTable ReadTable(Table table, int tableNumber)
    {
        var rows = new List<SourceRow>();
        var rowNumber = 0;
        foreach (var row in table.Elements<TableRow>())
        {
            rowNumber++;
            var cells = new List<SourceCell>();
            var skipped = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            for (var s = 0; s < skipped; s++) cells.Add(new SourceCell("", Where(tableNumber, rowNumber, cells.Count + 1)));
            foreach (var cell in row.Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                var location = Where(tableNumber, rowNumber, cells.Count + 1);
                var vMerge = properties?.VerticalMerge;
                var continuesAbove = vMerge is not null && (vMerge.Val is null || vMerge.Val.Value == MergedCellValues.Continue);
                var text = continuesAbove ? "" : TextCleaner.NormalizeCharacters(CellText(cell));
                cells.Add(new SourceCell(text, location, continuesAbove));
                var span = properties?.GridSpan?.Val?.Value ?? 1;
                for (var s = 1; s < span; s++) cells.Add(new SourceCell("", Where(tableNumber, rowNumber, cells.Count + 1), continuesAbove));
            }
            rows.Add(new SourceRow(cells, $"table {tableNumber}, row {rowNumber}"));
        }
        return new SourceTable(rows, $"table {tableNumber}");
    }

    private static string Where(int table, int row, int cell) => $"table {table}, row {row}, cell {cell}";

    /// <summary>Paragraphs of a cell (nested tables included) joined by line breaks.</summary>
    private static string CellText(TableCell cell) =>
        string.Join('\n', cell.Descendants<Paragraph>().Select(ParagraphText));

    private static string ParagraphText(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append(' '); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
            }
        }
        return sb.ToString();
    }
}
