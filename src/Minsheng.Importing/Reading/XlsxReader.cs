using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Minsheng.Importing.Building;

namespace Minsheng.Importing.Reading;

/// <summary>
/// Reads every sheet of a workbook as one table (MiniExcel, merged cells not filled: the lower part of a merged
/// cell reads empty, like a vMerge in Word). Rows above the header (title, notes) stay in the table; the table
/// interpreter turns them into paragraphs.
/// </summary>
internal static class XlsxReader
{
    public static SourceDocument Read(byte[] content, ImportOptions options)
    {
        try
        {
            var configuration = new OpenXmlConfiguration { FillMergedCells = false };
            var sheetNames = MiniExcel.GetSheetNames(new MemoryStream(content, writable: false), configuration);
            var blocks = new List<SourceBlock>();
            foreach (var sheet in sheetNames)
            {
                var rows = new List<SourceRow>();
                var rowNumber = 0;
                foreach (var raw in MiniExcel.Query(new MemoryStream(content, writable: false), useHeaderRow: false, sheetName: sheet,
                             excelType: ExcelType.XLSX, configuration: configuration))
                {
                    rowNumber++;
                    if (rowNumber > options.MaxRows)
                        throw new ImportRejectedException("xlsx.too-many-rows", $"Sheet '{sheet}' has more than {options.MaxRows} rows.");
                    if (raw is not IDictionary<string, object?> values) continue;
                    var cells = values.Select(kv => new SourceCell(TextCleaner.NormalizeCharacters(CellText(kv.Value)),
                        $"sheet '{sheet}', row {rowNumber}, cell {kv.Key}")).ToList();
                    rows.Add(new SourceRow(cells, $"sheet '{sheet}', row {rowNumber}"));
                }
                blocks.Add(new SourceTable(rows, $"sheet '{sheet}'"));
            }
            return new SourceDocument(blocks, "xlsx", null);
        }
        catch (Exception e) when (e is not ImportRejectedException)
        {
            // MiniExcel reports a damaged workbook with whatever exception its parser meets first.
            throw new ImportRejectedException("xlsx.damaged", $"The Excel workbook cannot be read: its content is damaged ({e.GetType().Name}).");
        }
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? $"{d.Year}年{d.Month}月{d.Day}日" : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
