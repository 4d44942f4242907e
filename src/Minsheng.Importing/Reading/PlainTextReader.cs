using System.Text;
using System.Text.RegularExpressions;
using Minsheng.Importing.Building;
using Minsheng.Importing.Mapping;

namespace Minsheng.Importing.Reading;

/// <summary>
/// Reads plain-text exports of Word notices. Two table layouts are understood:
/// <list type="bullet">
/// <item>one cell per line, each cell starting with a tab; lines without a tab continue the cell above (the seeds);</item>
/// <item>one row per line with cells separated by tabs or '|' (what copying a table out of Excel gives).</item>
/// </list>
/// Everything else is a paragraph. A header printed on two rows (责任单位 over 牵头单位 / 配合单位) is folded into one;
/// a row that lost a cell in the middle is spread over the columns by its content when that content is clear
/// (<see cref="RowAligner"/>).
/// </summary>
internal static partial class PlainTextReader
{
    public static SourceDocument Read(string text, string encoding, ImportOptions options, IssueLog issues)
    {
        var lines = TextCleaner.NormalizeCharacters(text.Replace("\r\n", "\n").Replace('\r', '\n')).Split('\n');
        if (lines.Length > options.MaxRows)
            throw new ImportRejectedException("text.too-many-lines", $"The text has {lines.Length} lines, above the limit of {options.MaxRows}.");

        var blocks = new List<SourceBlock>();
        var i = 0;
        while (i < lines.Length)
        {
            if (IsCellLine(lines[i]) && HeaderRunAt(lines, i) is { } header)
            {
                var (table, next) = ReadCellPerLineTable(lines, i, header, blocks.OfType<SourceTable>().Count() + 1, issues);
                blocks.Add(table);
                i = next;
                continue;
            }
            if ((DelimitedHeaderAt(lines[i]) ?? DelimitedShapeHeaderAt(lines, i)) is { } delimiter)
            {
                var (table, next) = ReadDelimitedTable(lines, i, delimiter, issues);
                blocks.Add(table);
                i = next;
                continue;
            }
            if (!IsCellLine(lines[i]) && LinePerCellHeaderAt(lines, i) is { } lineHeader)
            {
                var (table, next) = ReadLinePerCellTable(lines, i, lineHeader, blocks.OfType<SourceTable>().Count() + 1, issues);
                blocks.Add(table);
                i = next;
                continue;
            }
            if (SpacedHeaderAt(lines, i) is { } spacedHeader)
            {
                var (table, next) = ReadSpacedTable(lines, i, spacedHeader, blocks.OfType<SourceTable>().Count() + 1, issues);
                blocks.Add(table);
                i = next;
                continue;
            }
            var tidy = TextCleaner.TidyLine(lines[i]).Replace('\n', ' ');
            if (tidy.Length > 0) blocks.Add(new SourceParagraph(tidy, Line(i)));
            i++;
        }
        return new SourceDocument(blocks, "text", encoding);
    }

    private static string Line(int index) => $"line {index + 1}";

    private static bool IsCellLine(string line) => line.Length > 0 && line[0] == '\t';

    private static string CellText(string line) => line.TrimStart('\t', ' ');

    /// <summary>The header cells when a run of tab lines starting at <paramref name="start"/> is a header row.</summary>
    private static List<string>? HeaderRunAt(string[] lines, int start)
    {
        var cells = new List<string>();
        for (var i = start; i < lines.Length && IsCellLine(lines[i]); i++)
        {
            var cell = TextCleaner.SingleLine(CellText(lines[i]));
            // A header never holds a number: the first one belongs to the first data row.
            if (cell.Length == 0 || SequenceLike().IsMatch(cell) && cell.Any(char.IsAsciiDigit)) break;
            cells.Add(cell);
        }
        return HeaderSynonyms.LooksLikeHeader(cells) ? cells : null;
    }

    /// <summary>
    /// A header printed on two rows, as a text export writes it: the top row's cells, then the sub-headers (牵头单位,
    /// 配合单位) with or without empty cells for the columns merged from above. The sub-headers either follow after a blank
    /// line, or run on in the same block; in the second case the fold is taken only when the first data row has its width,
    /// because 责任单位 followed by 牵头单位 and 配合单位 can also be three flat columns.
    /// </summary>
    private static (List<string> Header, int NextLine)? TwoRowHeaderAt(string[] lines, int start, List<string> run)
    {
        var afterRun = start + run.Count;
        for (var split = 3; split <= run.Count - 2; split++)
        {
            var top = run.Take(split).ToList();
            if (!HeaderSynonyms.LooksLikeHeader(top)) continue;
            if (TwoRowHeader.FoldSequential(top, run.Skip(split).ToList()) is { } folded && FirstRowWidth(lines, afterRun) == folded.Count)
                return (folded, afterRun);
        }
        var i = afterRun;
        while (i < lines.Length && !IsCellLine(lines[i]) && lines[i].Trim().Length == 0) i++;
        var subHeaders = new List<string>();
        var end = i;
        for (var j = i; j < lines.Length && IsCellLine(lines[j]); j++)
        {
            var cell = TextCleaner.SingleLine(CellText(lines[j]));
            if (cell.Length > 0 && !HeaderSynonyms.IsSubHeaderWord(cell)) break;
            if (cell.Length > 0) subHeaders.Add(cell);
            end = j + 1;
        }
        return subHeaders.Count > 0 && TwoRowHeader.FoldSequential(run, subHeaders) is { } foldedBelow ? (foldedBelow, end) : null;
    }

    /// <summary>The number of cell lines of the row starting at <paramref name="from"/>, up to the blank line that ends it.</summary>
    private static int FirstRowWidth(string[] lines, int from)
    {
        var i = from;
        while (i < lines.Length && !IsCellLine(lines[i]) && lines[i].Trim().Length == 0) i++;
        var width = 0;
        for (; i < lines.Length && (IsCellLine(lines[i]) || lines[i].Trim().Length > 0); i++)
        {
            if (IsCellLine(lines[i])) width++;
        }
        return width;
    }

    private sealed class PendingCell(string firstLine, int lineIndex, int blankLinesBefore)
    {
        public StringBuilder Text { get; } = new(firstLine);
        public int LineIndex { get; } = lineIndex;
        public int BlankLinesBefore { get; } = blankLinesBefore;
    }

    private static (SourceTable Table, int NextLine) ReadCellPerLineTable(string[] lines, int start, List<string> header, int tableNumber, IssueLog issues)
    {
        var cells = new List<PendingCell>();
        var i = start;
        var twoRow = TwoRowHeaderAt(lines, start, header);
        if (twoRow is not null)
        {
            // The folded header stands in for both header rows, so data rows are counted against its width.
            header = twoRow.Value.Header;
            cells.AddRange(header.Select(h => new PendingCell(h, start, 0)));
            i = twoRow.Value.NextLine;
        }
        var columns = header.Count;
        var blanks = 0;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            // A line holding only a tab is an empty cell, not a blank line.
            if (IsCellLine(line))
            {
                if (twoRow is not null && cells.Count % columns == 0 && HeaderRunAt(lines, i) is { } again
                    && TwoRowHeaderAt(lines, i, again) is { } repeated)
                {
                    // The two header rows repeated on a new page: one folded header row, which the interpreter skips.
                    cells.AddRange(repeated.Header.Select(h => new PendingCell(h, i, blanks)));
                    i = repeated.NextLine - 1;
                    blanks = 0;
                    continue;
                }
                cells.Add(new PendingCell(CellText(line), i, blanks));
                blanks = 0;
                continue;
            }
            if (line.Trim().Length == 0) { blanks++; continue; }
            if (EndsTable(lines, i, blanks, cells.Count % columns == 0)) break;
            cells[^1].Text.Append('\n').Append(line);
            blanks = 0;
        }
        var rows = GroupIntoRows(cells, columns, tableNumber, issues);
        return (new SourceTable(rows, $"table {tableNumber} ({Line(start)})"), i);
    }

    /// <summary>
    /// A line without a tab normally continues the cell above ("品质生活" / "指挥部"). It ends the table when it is an
    /// 附件 line, when it captions a following header row, or when it stands after two blank lines past a complete row.
    /// </summary>
    private static bool EndsTable(string[] lines, int index, int blankLinesBefore, bool rowComplete)
    {
        var text = lines[index].Trim();
        if (blankLinesBefore >= 1 && AttachmentLine().IsMatch(text)) return true;
        if (blankLinesBefore >= 2 && rowComplete) return true;
        if (blankLinesBefore == 0) return false;
        for (var j = index + 1; j < lines.Length && j <= index + 6; j++)
        {
            if (IsCellLine(lines[j])) return HeaderRunAt(lines, j) is not null;
        }
        return false;
    }

    private static List<SourceRow> GroupIntoRows(List<PendingCell> cells, int columns, int tableNumber, IssueLog issues)
    {
        var rows = new List<SourceRow>();
        var k = 0;
        while (k < cells.Count)
        {
            var end = Math.Min(k + columns, cells.Count);
            end = ShortRowEnd(cells, k, end, columns) ?? end;
            var rowCells = cells.Skip(k).Take(end - k)
                .Select((c, n) => new SourceCell(c.Text.ToString(), $"{Line(c.LineIndex)} (table {tableNumber}, cell {n + 1})"))
                .ToList();
            var location = $"{Line(cells[k].LineIndex)} (table {tableNumber})";
            if (rowCells.Count < columns)
            {
                var header = cells.Take(columns).Select(c => TextCleaner.SingleLine(c.Text.ToString())).ToList();
                if (k > 0 && RowAligner.Realign(header, rowCells, location, issues) is { } placed)
                {
                    rowCells = placed;
                }
                else
                {
                    issues.Warn("row.incomplete", $"This row has {rowCells.Count} of {columns} cells; the missing cells are taken as empty.", location);
                    while (rowCells.Count < columns) rowCells.Add(new SourceCell("", location));
                }
            }
            var first = TextCleaner.SingleLine(rowCells[0].Text);
            if (!SequenceLike().IsMatch(first) && first != TextCleaner.SingleLine(cells[0].Text.ToString()))
                issues.Warn("row.misaligned", $"The row starts with '{Shorten(first)}' where a sequence number was expected; cells may be shifted.", location);
            rows.Add(new SourceRow(rowCells, location));
            k = end;
        }
        return rows;
    }

    /// <summary>
    /// Exports sometimes drop a row's trailing empty cell (an empty 备注). Then a sequence number that follows a blank
    /// line shows up inside the row; when the cell where the next row should start is no sequence number, the row
    /// is cut short there.
    /// </summary>
    private static int? ShortRowEnd(List<PendingCell> cells, int start, int end, int columns)
    {
        if (end - start < columns || end >= cells.Count) return null;
        if (LooksLikeRowStart(cells, end)) return null;
        for (var j = start + 2; j < end; j++)
        {
            if (cells[j].BlankLinesBefore > 0 && LooksLikeRowStart(cells, j) && SequenceNumber().IsMatch(cells[j].Text.ToString().Trim()))
                return j;
        }
        return null;
    }

    private static bool LooksLikeRowStart(List<PendingCell> cells, int index) =>
        cells[index].BlankLinesBefore > 0 && SequenceLike().IsMatch(TextCleaner.SingleLine(cells[index].Text.ToString()));

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";

    private static char? DelimitedHeaderAt(string line)
    {
        foreach (var delimiter in new[] { '\t', '|' })
        {
            var fields = line.Trim().Trim('|').Split(delimiter).Select(f => TextCleaner.SingleLine(f)).ToList();
            if (fields.Count >= 3 && HeaderSynonyms.LooksLikeHeader(fields)) return delimiter;
        }
        return null;
    }

    /// <summary>
    /// A tab-separated header whose words the importer does not know (序号 / 事项 / 承担 / 时间要求), taken when the next line
    /// is row 1; the interpreter then maps its columns by their cells.
    /// </summary>
    private static char? DelimitedShapeHeaderAt(string[] lines, int index)
    {
        var line = lines[index];
        if (!line.Contains('\t') || IsCellLine(line) && line.TrimStart('\t').Length == 0) return null;
        var fields = line.Trim().Split('\t').Select(f => TextCleaner.SingleLine(f)).ToList();
        if (!HeaderSynonyms.LooksLikeHeaderByShape(fields) || index + 1 >= lines.Length) return null;
        var first = lines[index + 1].Trim().Split('\t')[0].Trim();
        return SequenceValue(first) is not null ? '\t' : null;
    }

    /// <summary>One row per line; a line without the delimiter continues the last cell of the row above.</summary>
    private static (SourceTable Table, int NextLine) ReadDelimitedTable(string[] lines, int start, char delimiter, IssueLog issues)
    {
        var rows = new List<List<(StringBuilder Text, int Line)>>();
        var blanks = 0;
        var i = start;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) { blanks++; continue; }
            if (line.Contains(delimiter))
            {
                // Leading and trailing tabs are empty cells (a merged 序号 in a sub-header or continuation row), not padding.
                var trimmed = delimiter == '\t' ? line.Trim(' ') : line.Trim().Trim('|');
                rows.Add(trimmed.Split(delimiter).Select(f => (new StringBuilder(f.Trim()), i)).ToList());
            }
            else
            {
                if (blanks > 0 || rows.Count <= 1) break;
                rows[^1][^1].Text.Append('\n').Append(line.Trim());
            }
            blanks = 0;
        }
        var table = rows.Select(r => new SourceRow(
            r.Select((c, n) => new SourceCell(c.Text.ToString(), $"{Line(c.Line)}, cell {n + 1}")).ToList(), Line(r[0].Line))).ToList();
        var header = table[0].Cells.Select(c => TextCleaner.SingleLine(c.Text)).ToList();
        for (var r = 1; r < table.Count; r++)
        {
            // A field lost from the middle of a line (two tabs typed as one) shifts the rest of the row left.
            var row = table[r];
            if (row.Cells.Count >= header.Count || RowAligner.Realign(header, row.Cells, row.Location, issues) is not { } placed) continue;
            table[r] = new SourceRow(placed, row.Location);
        }
        return (new SourceTable(table, $"table at {Line(start)}"), i);
    }

    [GeneratedRegex(@"^(?:|\d{1,3}[.、．]?|[(（]\d{1,2}[)）]|\d{1,3}[(（]\d{1,2}[)）]|\d{1,3}[.．-]\d{1,2}|[一二三四五六七八九十]{1,3}[、.]?|序号)$")]
    private static partial Regex SequenceLike();

    [GeneratedRegex(@"^(?:\d{1,3}|[一二三四五六七八九十]{1,3}、?)$")]
    private static partial Regex SequenceNumber();

    [GeneratedRegex(@"^附\s*件\s*\d*\s*[:：]?\s*\S{0,40}$")]
    private static partial Regex AttachmentLine();
}
