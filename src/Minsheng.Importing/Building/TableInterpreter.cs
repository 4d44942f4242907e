using Minsheng.Importing.Mapping;
using Minsheng.Importing.Reading;

namespace Minsheng.Importing.Building;

/// <summary>
/// Walks the document's tables: finds each header row, maps its columns, skips header rows repeated on later pages,
/// reads one-cell section rows (一、省定项目) as section names, and hands data rows to the <see cref="ProjectBuilder"/>.
/// Rows above a header (a sheet's title) and tables without a header become paragraphs.
/// </summary>
internal static class TableInterpreter
{
    public sealed record Outcome(List<SourceParagraph> Paragraphs, List<string> Captions, int PlanTables, bool HasCompletionColumn);

    public static Outcome Interpret(SourceDocument document, ProjectBuilder builder, IssueLog issues)
    {
        var paragraphs = new List<SourceParagraph>();
        var captions = new List<string>();
        var planTables = 0;
        var hasCompletion = false;
        foreach (var block in document.Blocks)
        {
            if (block is SourceParagraph paragraph) { paragraphs.Add(paragraph); continue; }
            var table = (SourceTable)block;
            ColumnMap? map = null;
            List<ColumnRole>? headerRoles = null;
            string? section = CaptionBefore(paragraphs);
            foreach (var row in table.Rows)
            {
                if (row.IsBlank) continue;
                var texts = row.Cells.Select(c => TextCleaner.SingleLine(c.Text)).ToList();
                if (HeaderSynonyms.LooksLikeHeader(texts))
                {
                    var roles = texts.Select(HeaderSynonyms.RoleOf).ToList();
                    if (headerRoles is not null && roles.SequenceEqual(headerRoles)) continue; // repeated on a new page
                    headerRoles = roles;
                    map = ColumnMap.FromHeader(row, issues);
                    if (!map.Has(ColumnRole.Name))
                        issues.Warn("table.no-name-column", "The table has no project-name column (项目名称/实事名称); names are taken from the content.", row.Location);
                    hasCompletion |= map.Has(ColumnRole.Completion);
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
                        // The sheet's title names the plan; a 填报单位 line under it does not.
                        if (text.Length <= 80 && (section is null || LooksLikeTitle(text))) section = text;
                    }
                    continue;
                }
                if (distinct.Count == 1 && row.Cells.Count > 2 && IsSectionHeading(distinct[0]))
                {
                    section = distinct[0];
                    continue;
                }
                builder.AddRow(row, map, section);
            }
            if (map is null) issues.Warn("table.not-a-plan", $"{table.Location} has no header row with known columns (序号, 项目名称, 建设内容 …); it was read as text.", table.Location);
        }
        return new Outcome(paragraphs, captions, planTables, hasCompletion);
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
