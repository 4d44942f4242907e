using System.Text.RegularExpressions;
using Minsheng.Importing.Building;
using Minsheng.Importing.Mapping;

namespace Minsheng.Importing.Reading;

/// <summary>
/// Two more text layouts, whose cell separators are weaker than a tab:
/// <list type="bullet">
/// <item>one cell per line with nothing in front (a Word table saved as plain text): the header words one under the
/// other, then each row starting at its sequence number on a line of its own;</item>
/// <item>one row per line with runs of spaces between the cells (a table copied from a web page).</item>
/// </list>
/// Empty cells leave no trace in either, so the cells of a row are placed by their content (<see cref="CellShape"/>).
/// Cells left over after a row is full, or a line without its own sequence number, continue the row above as a
/// sub-row: its sequence and unit cells are marked merged from above, as Word marks a vertically merged cell.
/// </summary>
internal static partial class PlainTextReader
{
    /// <summary>
    /// A header written one word per line. <see cref="Spaced"/>: the export put a blank line after every cell, so blank
    /// lines separate nothing.
    /// </summary>
    private sealed record LineHeader(List<string> Cells, int DataLine, bool Spaced);

    /// <summary>The header when the lines from <paramref name="start"/> are header words one per line, followed by row 1.</summary>
    private static LineHeader? LinePerCellHeaderAt(string[] lines, int start)
    {
        var run = new List<string>();
        var i = start;
        var spaced = false;
        for (; i < lines.Length && !IsCellLine(lines[i]); i++)
        {
            var text = TextCleaner.SingleLine(lines[i]);
            if (text.Length == 0 && run.Count > 0 && i + 1 < lines.Length && lines[i + 1].Trim().Length > 0 && (run.Count == 1 || spaced))
            {
                // One blank line after each header word: the whole table is written so.
                spaced = true;
                continue;
            }
            if (text.Length is 0 or > 12 || text.Any(char.IsAsciiDigit) || text.IndexOfAny(['。', '，', '；', '：', ':', ',']) >= 0
                || SequenceValue(text) is not null) break;
            if (spaced && run.Count > 1 && lines[i - 1].Trim().Length > 0) break;
            run.Add(text);
            if (run.Count > 15) return null;
        }
        if (run.Count < 3 || HeaderSynonyms.RoleOf(run[0]) == ColumnRole.Unknown) return null;
        var byWords = run.All(c => HeaderSynonyms.RoleOf(c) != ColumnRole.Unknown) && HeaderSynonyms.LooksLikeHeader(run);
        if (!byWords && !HeaderSynonyms.LooksLikeHeaderByShape(run)) return null;
        while (i < lines.Length && lines[i].Trim().Length == 0) i++;
        return i < lines.Length && SequenceValue(lines[i].Trim()) is not null ? new LineHeader(run, i, spaced) : null;
    }

    private static (SourceTable Table, int NextLine) ReadLinePerCellTable(string[] lines, int start, LineHeader lineHeader, int tableNumber, IssueLog issues)
    {
        var header = lineHeader.Cells;
        var width = header.Count;
        var roles = header.Select(HeaderSynonyms.RoleOf).ToList();
        var blocks = new List<List<(string Text, int Line)>>();
        var i = lineHeader.DataLine;
        int? expected = null;
        var blanks = 0;
        for (; i < lines.Length; i++)
        {
            if (IsCellLine(lines[i])) break;
            var text = lines[i].Trim();
            if (text.Length == 0) { blanks++; continue; }
            var number = SequenceValue(text);
            var current = blocks.Count > 0 ? blocks[^1] : null;
            // A row starts at the next number in order, once the row above has most of its cells: a figure cell "2"
            // inside a row is no row number.
            if (number is { } n && (expected is null || n == expected) && (current is null || current.Count >= Math.Max(2, width - 2)))
            {
                blocks.Add([(text, i)]);
                expected = n + 1;
                blanks = 0;
                continue;
            }
            if (current is null) break;
            var complete = current.Count >= width;
            var pause = lineHeader.Spaced ? blanks >= 2 : blanks > 0;
            if (AttachmentLine().IsMatch(text) || complete && (pause || text.Length > 60 || Signature().IsMatch(text))) break;
            current.Add((text, i));
            blanks = 0;
        }
        var rows = new List<SourceRow> { new(header.Select(h => new SourceCell(h, $"{Line(start)} (table {tableNumber})")).ToList(), Line(start)) };
        foreach (var block in blocks) rows.AddRange(PlaceRows(roles, header, block, tableNumber, issues));
        // Trailing blank lines belong to what follows.
        while (i > start && i - 1 < lines.Length && lines[i - 1].Trim().Length == 0) i--;
        return (new SourceTable(rows, $"table {tableNumber} ({Line(start)})"), i);
    }

    /// <summary>The header cells when a line holds at least three header words separated by runs of spaces.</summary>
    private static List<string>? SpacedHeaderAt(string[] lines, int index)
    {
        var line = lines[index];
        if (IsCellLine(line) || !line.Contains("  ", StringComparison.Ordinal)) return null;
        var fields = SplitOnSpaceRuns(line);
        if (fields.Count < 3 || fields.Any(f => f.Length > 20)) return null;
        if (HeaderSynonyms.LooksLikeHeader(fields)) return fields;
        if (!HeaderSynonyms.LooksLikeHeaderByShape(fields)) return null;
        var next = index + 1;
        while (next < lines.Length && lines[next].Trim().Length == 0) next++;
        return next < lines.Length && SplitOnSpaceRuns(lines[next]) is { Count: >= 2 } first && SequenceValue(first[0]) is not null ? fields : null;
    }

    private static List<string> SplitOnSpaceRuns(string line) =>
        SpaceRun().Split(line.Trim()).Select(f => f.Trim()).Where(f => f.Length > 0).ToList();

    private static (SourceTable Table, int NextLine) ReadSpacedTable(string[] lines, int start, List<string> header, int tableNumber, IssueLog issues)
    {
        var roles = header.Select(HeaderSynonyms.RoleOf).ToList();
        var rows = new List<SourceRow> { new(header.Select(h => new SourceCell(h, $"{Line(start)} (table {tableNumber})")).ToList(), Line(start)) };
        var blanks = 0;
        var i = start + 1;
        for (; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0)
            {
                if (++blanks >= 2) break;
                continue;
            }
            var fields = SplitOnSpaceRuns(lines[i]);
            if (fields.Count < 2)
            {
                // A single piece right under a row is the rest of a wrapped cell; after a blank line, or a note, the table is over.
                if (blanks > 0 || rows.Count == 1 || NoteLine().IsMatch(text) || text.Length > 40) break;
                var last = rows[^1];
                var at = roles.IndexOf(ColumnRole.Name) is var name and >= 0 ? name : Math.Max(0, roles.IndexOf(ColumnRole.Content));
                var cells = last.Cells.ToList();
                cells[at] = cells[at] with { Text = cells[at].Text + text };
                rows[^1] = last with { Cells = cells };
                continue;
            }
            if (blanks > 0 && SequenceValue(fields[0]) is null && rows.Count > 1 && fields.Count < header.Count / 2) break;
            blanks = 0;
            rows.AddRange(PlaceRows(roles, header, fields.Select(f => (f, i)).ToList(), tableNumber, issues));
        }
        while (i > start && i - 1 < lines.Length && lines[i - 1].Trim().Length == 0) i--;
        return (new SourceTable(rows, $"table {tableNumber} ({Line(start)})"), i);
    }

    /// <summary>
    /// The cells of one row (and of the sub-rows written beneath it) spread over the columns by their content. A sub-row,
    /// and a row without a sequence number of its own, has its sequence and empty unit cells marked merged from above.
    /// </summary>
    private static List<SourceRow> PlaceRows(List<ColumnRole> roles, List<string> header, List<(string Text, int Line)> cells, int tableNumber, IssueLog issues)
    {
        var result = new List<SourceRow>();
        var placements = CellShape.Place(roles, cells.Select(c => c.Text).ToList());
        for (var r = 0; r < placements.Count; r++)
        {
            var placement = placements[r];
            if (placement.Count == 0) continue;
            var firstLine = cells[placement[0].Cell].Line;
            var location = $"{Line(firstLine)} (table {tableNumber})";
            var texts = new string[roles.Count];
            var lines = new int[roles.Count];
            foreach (var (column, cell) in placement)
            {
                texts[column] = texts[column] is null ? cells[cell].Text : texts[column] + "\n" + cells[cell].Text;
                lines[column] = cells[cell].Line;
            }
            var continuation = roles.Count > 0 && roles[0] == ColumnRole.Sequence && texts[0] is null;
            var row = new List<SourceCell>(roles.Count);
            for (var c = 0; c < roles.Count; c++)
            {
                if (texts[c] is { } t) row.Add(new SourceCell(t, $"{Line(lines[c])} (table {tableNumber}, cell {c + 1})"));
                else row.Add(new SourceCell("", location, MergedFromAbove: continuation && (c == 0 || CellShape.IsUnitRole(roles[c]) || roles[c] == ColumnRole.Remarks)));
            }
            if (continuation)
            {
                issues.Warn("row.continued",
                    $"Cells without a sequence number of their own were read as a sub-row of the row above (merged cells): {string.Join(" / ", placement.Select(p => Shorten(cells[p.Cell].Text)))}.",
                    location);
            }
            else if (!continuation && placement.Count < roles.Count)
            {
                var empty = Enumerable.Range(0, roles.Count).Where(c => texts[c] is null).Select(c => $"'{header[c]}'");
                issues.Warn("row.realigned",
                    $"This row has {placement.Count} of {roles.Count} cells; they were placed by their content, leaving {string.Join(", ", empty)} empty. Check the row.",
                    location);
            }
            result.Add(new SourceRow(row, location));
        }
        return result;
    }

    /// <summary>The number of a line that is only a row number: 3, 3., 3、, (3), 三、.</summary>
    private static int? SequenceValue(string text)
    {
        text = text.Trim();
        var m = RowNumber().Match(text);
        if (m.Success && int.TryParse(m.Groups[1].Value, out var n)) return n;
        return WordRowNumber().Match(text) is { Success: true } w && ChineseNumerals.TryParse(w.Groups[1].Value) is { } value ? (int)value : null;
    }

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})、$")]
    private static partial Regex WordRowNumber();

    [GeneratedRegex(@"^[(（]?(\d{1,3})[)）.、．]?$")]
    private static partial Regex RowNumber();

    /// <summary>The signature under a table: the issuing office, or the full date of issue.</summary>
    [GeneratedRegex(@"^(?:\S{2,30}(?:人民政府办公室|人民政府|办公室|委员会|指挥部)|\d{4}年\d{1,2}月\d{1,2}日)$")]
    private static partial Regex Signature();

    [GeneratedRegex(@"\s{2,}|\t")]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"^(?:注|备注|说明|数据来源)\s*[:：]")]
    private static partial Regex NoteLine();
}
