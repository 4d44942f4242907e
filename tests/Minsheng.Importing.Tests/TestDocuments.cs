using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Minsheng.Importing.Tests;

/// <summary>
/// Builds small documents for tests. In table rows, a cell "^" continues the cell above (vertical merge) and a cell
/// "&lt;" is covered by the cell to its left (horizontal merge); '\n' in a cell starts a new paragraph.
/// </summary>
internal static class TestDocuments
{
    public static PlanDraft ImportOk(byte[] content, string fileName, int? year = null, ImportOptions? options = null)
    {
        var result = new PlanImporter(options).Read(content, fileName, year);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Draft!;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A text export in the seeds' layout: each cell on its own line behind a tab, rows separated by a blank line.</summary>
    public static string CellPerLine(string[] header, params string[][] rows)
    {
        var sb = new StringBuilder();
        foreach (var h in header) sb.Append('\t').Append(h).Append('\n');
        foreach (var row in rows)
        {
            sb.Append('\n');
            foreach (var cell in row) sb.Append('\t').Append(cell).Append('\n');
        }
        return sb.ToString();
    }

    public static byte[] Docx(IEnumerable<string> paragraphsBefore, params string[][][] tables)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body();
            foreach (var p in paragraphsBefore) body.Append(Paragraph(p));
            foreach (var rows in tables)
            {
                var table = new W.Table();
                foreach (var row in rows)
                {
                    var tableRow = new W.TableRow();
                    W.TableCell? previous = null;
                    foreach (var text in row)
                    {
                        if (text == "<" && previous is not null)
                        {
                            var properties = previous.TableCellProperties ??= new W.TableCellProperties();
                            var span = properties.GridSpan?.Val?.Value ?? 1;
                            properties.GridSpan = new W.GridSpan { Val = span + 1 };
                            continue;
                        }
                        var cell = new W.TableCell();
                        if (text == "^") cell.Append(new W.TableCellProperties(new W.VerticalMerge()));
                        else cell.Append(new W.TableCellProperties(new W.VerticalMerge { Val = W.MergedCellValues.Restart }));
                        foreach (var line in (text == "^" ? "" : text).Split('\n')) cell.Append(Paragraph(line));
                        tableRow.Append(cell);
                        previous = cell;
                    }
                    table.Append(tableRow);
                }
                body.Append(table);
            }
            main.Document = new W.Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>An .xlsx written with the Open XML SDK, so merged ranges ("A5:A7") can be declared as Excel does.</summary>
    public static byte[] Xlsx(string[][] rows, params string[] mergedRanges)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c].Length == 0) continue;
                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(rows[r][c])),
                    });
                }
                data.Append(row);
            }
            var worksheet = new Worksheet(data);
            if (mergedRanges.Length > 0)
                worksheet.Append(new MergeCells(mergedRanges.Select(m => new MergeCell { Reference = m })));
            sheetPart.Worksheet = worksheet;
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "清单" });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
