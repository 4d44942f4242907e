using Minsheng.Importing.Mapping;
using Minsheng.Importing.Reading;

namespace Minsheng.Importing.Building;

/// <summary>
/// Walks the document's tables: finds each header row, maps its columns, skips header rows repeated on later pages,
/// reads one-cell section rows (一、省定项目) as section names, and hands data rows to the <see cref="ProjectBuilder"/>.
/// Rows above a header (a sheet's title) and tables without a header become paragraphs. Also: a header on two rows is
/// folded (<see cref="TwoRowHeader"/>); a headerless table as wide as the plan table above continues it; 合计 and 注：
/// rows are skipped; 单位：万元 above the table gives bare amounts their unit.
/// </summary>
internal static partial class TableInterpreter
{
    public sealed record Outcome(List<SourceParagraph> Paragraphs, List<string> Captions, int PlanTables, bool HasCompletionColumn);

    public static Outcome Interpret(SourceDocument document, ProjectBuilder builder, IssueLog issues)
    {
        var paragraphs = new List<SourceParagraph>();
        var captions = new List<string>();
        var planTables = 0;
        var hasCompletion = false;
        ColumnMap? previousMap = null;
        foreach (var block in document.Blocks)
        {
            if (block is SourceParagraph paragraph) { paragraphs.Add(paragraph); continue; }
            var table = (SourceTable)block;
            ColumnMap? map = null;
            List<ColumnRole>? headerRoles = null;
            string? section = CaptionBefore(paragraphs);
            var tableUnit = paragraphs.TakeLast(3).Select(p => UnitNote(p.Text)).LastOrDefault(u => u is not null);
            if (previousMap is not null && ContinuesTableAbove(table, previousMap))
            {
                // Word splits a long table at a page break into two tables, and only the first has the header.
                map = previousMap;
                section = builder.Projects.Count > 0 ? builder.Projects[^1].Section : section;
                issues.Warn("table.continued", $"{table.Location} has no header row; it has the columns of the table above and was read as its continuation.", table.Location);
            }
            else if (HeaderlessPlan(table, tableUnit, issues) is { } guessed)
            {
                map = guessed;
                headerRoles = [.. guessed.Roles];
                hasCompletion |= map.Has(ColumnRole.ActualValue);
                planTables++;
                builder.StartSection();
                if (section is not null) captions.Add(section);
            }
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                if (row.IsBlank) continue;
                var texts = row.Cells.Select(c => TextCleaner.SingleLine(c.Text)).ToList();
                var byShape = map is null && !HeaderSynonyms.LooksLikeHeader(texts) && HeaderSynonyms.LooksLikeHeaderByShape(texts)
                    && FirstDataRowIsNumbered(table, r)
                    // A list of contacts (序号 / 姓名 / 电话) is numbered too: a plan's rows name units or deadlines.
                    && ColumnMap.FromHeader(row, new IssueLog(), tableUnit, table.Rows.Skip(r + 1).Take(30).ToList()) is var trial
                    && trial.Has(ColumnRole.Name) && (trial.Has(ColumnRole.LeadUnits) || trial.Has(ColumnRole.Deadline));
                if (HeaderSynonyms.LooksLikeHeader(texts) || byShape)
                {
                    var header = row;
                    if (r + 1 < table.Rows.Count
                        && TwoRowHeader.FoldAligned(texts, table.Rows[r + 1].Cells.Select(c => TextCleaner.SingleLine(c.Text)).ToList()) is { } folded)
                    {
                        var below = table.Rows[r + 1];
                        header = new SourceRow(
                            folded.Select((text, n) => new SourceCell(text, n < row.Cells.Count ? row.Cells[n].Location : below.Cells[n].Location)).ToList(),
                            row.Location);
                        texts = folded;
                        r++;
                    }
                    var roles = texts.Select(HeaderSynonyms.RoleOf).ToList();
                    if (headerRoles is not null && roles.SequenceEqual(headerRoles)) continue; // repeated on a new page
                    headerRoles = roles;
                    map = ColumnMap.FromHeader(header, issues, tableUnit, table.Rows.Skip(r + 1).Take(30).ToList());
                    if (byShape)
                        issues.Warn("table.by-shape", $"The header row ({string.Join(" / ", texts)}) names few known columns; the table was recognised by its numbered rows and its columns by their content.", row.Location);
                    if (!map.Has(ColumnRole.Name))
                        issues.Warn("table.no-name-column", "The table has no project-name column (项目名称/实事名称); names are taken from the content.", row.Location);
                    hasCompletion |= map.Has(ColumnRole.Completion) || map.Has(ColumnRole.ActualValue);
                    planTables++;
                    builder.StartSection();
                    if (section is not null) captions.Add(section);
                    continue;
                }
                var distinct = texts.Where(t => t.Length > 0).Distinct().ToList();
                if (map is null)
                {
                    // Above the header: the sheet's title and notes.
                    if (distinct.Count > 0)
                    {
                        var text = string.Join(" ", distinct);
                        paragraphs.Add(new SourceParagraph(text, row.Location));
                        tableUnit = UnitNote(text) ?? tableUnit;
                        // The sheet's title names the plan; a 填报单位 line under it does not.
                        if (text.Length <= 80 && (section is null || LooksLikeTitle(text))) section = text;
                    }
                    continue;
                }
                if (distinct.Count == 1 && NoteRow().IsMatch(distinct[0]))
                {
                    // 注：… under the table explains it; it is no project (nor a paragraph, whose dates would read as the notice's).
                    continue;
                }
                if (distinct.Count == 1 && row.Cells.Count > 2 && IsSectionHeading(distinct[0]))
                {
                    section = distinct[0];
                    continue;
                }
                if (IsTotalRow(row, map)) continue;
                builder.AddRow(row, map, section);
            }
            if (map is null) issues.Warn("table.not-a-plan", $"{table.Location} has no header row with known columns (序号, 项目名称, 建设内容 …); it was read as text.", table.Location);
            previousMap = map ?? previousMap;
        }
        return new Outcome(paragraphs, captions, planTables, hasCompletion);
    }

    /// <summary>
    /// A table without a header of its own, as wide as the plan table above, whose rows start with sequence numbers:
    /// the rest of that table after a page break.
    /// </summary>
    private static bool ContinuesTableAbove(SourceTable table, ColumnMap previous)
    {
        var rows = table.Rows.Where(r => !r.IsBlank).ToList();
        if (rows.Count == 0 || rows.Any(r => HeaderSynonyms.LooksLikeHeader(r.Cells.Select(c => TextCleaner.SingleLine(c.Text)).ToList()))) return false;
        if (rows.Max(r => r.Cells.Count) != previous.Roles.Count) return false;
        var sequence = previous.IndexOf(ColumnRole.Sequence);
        return sequence >= 0 && System.Text.RegularExpressions.Regex.IsMatch(TextCleaner.SingleLine(rows[0].TextAt(sequence)), @"^\d{1,3}[.、．]?$");
    }

    /// <summary>
    /// A table without any header row whose rows still read as a plan: numbered 1, 2, 3 in the first column, as wide as
    /// each other, with a column of names and one of units or deadlines. Its columns are mapped by their cells alone
    /// ("table.no-header" and a "column.guessed" for each); null when the table is not such a list.
    /// </summary>
    private static ColumnMap? HeaderlessPlan(SourceTable table, string? tableUnit, IssueLog issues)
    {
        var rows = table.Rows.Where(r => !r.IsBlank).ToList();
        if (rows.Count < 2 || rows.Any(r => HeaderSynonyms.LooksLikeHeader(r.Cells.Select(c => TextCleaner.SingleLine(c.Text)).ToList())
                                           || HeaderSynonyms.LooksLikeHeaderByShape(r.Cells.Select(c => TextCleaner.SingleLine(c.Text)).ToList()))) return null;
        var width = rows.Max(r => r.Cells.Count);
        var numbered = rows.Count(r => r.Cells.Count == width && System.Text.RegularExpressions.Regex.IsMatch(TextCleaner.SingleLine(r.TextAt(0)), @"^[(（]?\d{1,3}[)）.、．]?$"));
        if (width < 3 || numbered < 2 || numbered * 10 < rows.Count * 6) return null;
        var header = new SourceRow(Enumerable.Range(0, width).Select(c => new SourceCell("", rows[0].Cells[Math.Min(c, rows[0].Cells.Count - 1)].Location)).ToList(), rows[0].Location);
        var trial = new IssueLog();
        var map = ColumnMap.FromHeader(header, trial, tableUnit, rows);
        if (!map.Has(ColumnRole.Sequence) || !map.Has(ColumnRole.Name) || !(map.Has(ColumnRole.LeadUnits) || map.Has(ColumnRole.Deadline))) return null;
        issues.Warn("table.no-header", $"{table.Location} has no header row; its rows are numbered and were read as a plan, each column by what it holds.", table.Location);
        issues.Warnings.AddRange(trial.Warnings);
        return map;
    }

    /// <summary>A header found by its shape counts only when the row under it starts with a number.</summary>
    private static bool FirstDataRowIsNumbered(SourceTable table, int headerRow)
    {
        var next = table.Rows.Skip(headerRow + 1).FirstOrDefault(r => !r.IsBlank);
        return next is not null && System.Text.RegularExpressions.Regex.IsMatch(TextCleaner.SingleLine(next.TextAt(0)), @"^[(（]?\d{1,3}[)）.、．]?$");
    }

    /// <summary>单位：万元 (or 金额单位：亿元) printed above a table: bare amounts in its investment column are in that unit.</summary>
    private static string? UnitNote(string text) => UnitNoteText().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"单位\s*[:：]\s*(亿元|万元|元)")]
    private static partial System.Text.RegularExpressions.Regex UnitNoteText();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:注|备注|说明|填表说明|数据来源)\s*[:：\d]")]
    private static partial System.Text.RegularExpressions.Regex NoteRow();

    /// <summary>
    /// A 合计/总计/小计 row sums the investment of the rows around it; it is no project. The word stands in the sequence or
    /// name column, often padded (合  计).
    /// </summary>
    private static bool IsTotalRow(SourceRow row, ColumnMap map)
    {
        foreach (var role in new[] { ColumnRole.Sequence, ColumnRole.Name })
        {
            var index = map.IndexOf(role);
            if (index < 0) continue;
            var text = TextCleaner.RemoveBracketed(string.Concat(row.TextAt(index).Where(c => !char.IsWhiteSpace(c)))).TrimEnd('：', ':');
            if (text is "合计" or "总计" or "小计" or "共计" or "总合计" or "投资合计") return true;
        }
        return false;
    }

    /// <summary>The table's own title: the last short line above it that is not just 附件2.</summary>
    private static string? CaptionBefore(List<SourceParagraph> paragraphs)
    {
        for (var i = paragraphs.Count - 1; i >= 0 && i >= paragraphs.Count - 3; i--)
        {
            var text = paragraphs[i].Text.Trim();
            if (text.Length is 0 or > 80 || System.Text.RegularExpressions.Regex.IsMatch(text, @"^附\s*件\s*\d*\s*[:：]?$")) continue;
            if (text.StartsWith("附件", StringComparison.Ordinal) && (text.Contains('：') || text.Contains(':'))) return text[(text.IndexOfAny(['：', ':']) + 1)..].Trim();
            return text;
        }
        return null;
    }

    private static bool LooksLikeTitle(string text) =>
        new[] { "民生实事", "清单", "台账", "台帐", "计划", "项目" }.Any(text.Contains);

    private static bool IsSectionHeading(string text) =>
        text.Length <= 60 && !text.All(char.IsAsciiDigit)
        && (System.Text.RegularExpressions.Regex.IsMatch(text, @"^[一二三四五六七八九十]{1,3}[、.．]|^[(（][一二三四五六七八九十]{1,3}[)）]")
            || text.Contains("民生实事") || text.EndsWith("项目", StringComparison.Ordinal) || text.EndsWith("类", StringComparison.Ordinal));
}
