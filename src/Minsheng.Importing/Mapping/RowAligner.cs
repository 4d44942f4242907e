using System.Text.RegularExpressions;
using Minsheng.Importing.Building;
using Minsheng.Importing.Reading;

namespace Minsheng.Importing.Mapping;

/// <summary>
/// Places the cells of a row that came out of a text export with too few cells. Left to right is the default (the
/// missing cells are taken to be the last ones); the cells are moved only when their content clearly belongs to other
/// columns: a unit list under 计划投资, an amount under 完成时限, a date under 牵头单位. Then the placement that fits
/// the content best, keeping the cells in order, is taken. Cells that say nothing about their column (blank, free
/// text) never force a move, so an unclear row keeps the default and its warning.
/// </summary>
internal static partial class RowAligner
{
    private enum Kind
    {
        Blank,
        Sequence,
        Units,
        Money,
        Date,
        /// <summary>Two to four characters that are no unit: 张三, 欧阳明.</summary>
        Person,
        Text,
    }

    /// <summary>
    /// The row's cells spread over the header's columns by their content, with a "row.realigned" warning naming the
    /// columns left empty; null when the cells should stay left to right.
    /// </summary>
    public static List<SourceCell>? Realign(IReadOnlyList<string> header, IReadOnlyList<SourceCell> cells, string location, IssueLog issues)
    {
        var texts = cells.Select(c => TextCleaner.SingleLine(c.Text)).ToList();
        // 牵头单位 reads like a unit name; a sub-header row is no data row to move.
        if (TwoRowHeader.LooksLikeSubHeaderRow(texts)) return null;
        if (Align(header.Select(HeaderSynonyms.RoleOf).ToList(), texts) is not { } placement) return null;
        var placed = Enumerable.Range(0, header.Count).Select(_ => new SourceCell("", location)).ToList();
        for (var n = 0; n < placement.Length; n++) placed[placement[n]] = cells[n];
        var empty = Enumerable.Range(0, header.Count).Where(c => !placement.Contains(c)).Select(c => $"'{header[c]}'");
        issues.Warn("row.realigned",
            $"This row has {cells.Count} of {header.Count} cells; they were placed by their content, leaving {string.Join(", ", empty)} empty. Check the row.",
            location);
        return placed;
    }

    /// <summary>The column of each cell, or null when the cells should stay left to right.</summary>
    public static int[]? Align(IReadOnlyList<ColumnRole> roles, IReadOnlyList<string> cells)
    {
        var n = cells.Count;
        var m = roles.Count;
        if (n == 0 || n >= m) return null;
        var kinds = cells.Select(Classify).ToArray();
        var defaultScore = 0;
        var defaultIsWrong = false;
        for (var i = 0; i < n; i++)
        {
            var score = Score(kinds[i], roles[i]);
            defaultScore += score;
            defaultIsWrong |= score <= Mismatch;
        }
        if (!defaultIsWrong) return null;

        // best[i, j]: the best score of the first i cells placed, in order, in the first j columns.
        var best = new int[n + 1, m + 1];
        for (var i = 1; i <= n; i++)
        {
            for (var j = 0; j <= m; j++) best[i, j] = j < i ? int.MinValue / 2 : Math.Max(best[i, j - 1], best[i - 1, j - 1] + Score(kinds[i - 1], roles[j - 1]));
        }
        if (best[n, m] <= defaultScore) return null;

        // Walk back; on a tie leave the later column empty, which stays closest to the left-to-right default.
        var placement = new int[n];
        for (int i = n, j = m; i > 0; j--)
        {
            if (best[i, j] == best[i, j - 1]) continue;
            placement[i - 1] = j - 1;
            i--;
        }
        return placement;
    }

    private const int Mismatch = -3;

    private static int Score(Kind kind, ColumnRole role)
    {
        var units = role is ColumnRole.LeadUnits or ColumnRole.CoUnits or ColumnRole.ResponsibleUnits or ColumnRole.CertificationUnits
            or ColumnRole.CommandHeadquarters;
        var freeText = role is ColumnRole.Name or ColumnRole.Content or ColumnRole.Remarks or ColumnRole.Location or ColumnRole.Unknown
            or ColumnRole.Completion;
        return kind switch
        {
            Kind.Blank => 0,
            Kind.Sequence => role == ColumnRole.Sequence ? 3 : role is ColumnRole.Investment or ColumnRole.TotalInvestment ? 1 : -1,
            Kind.Units => units ? 2 : freeText || role == ColumnRole.Leader ? -1 : Mismatch,
            Kind.Money => role is ColumnRole.Investment or ColumnRole.TotalInvestment ? 3 : freeText ? -1 : Mismatch,
            Kind.Date => role is ColumnRole.Deadline or ColumnRole.StartDate ? 3 : role is ColumnRole.Remarks ? -1 : freeText ? -2 : Mismatch,
            Kind.Person => role == ColumnRole.Leader ? 2 : freeText || units ? 0 : Mismatch,
            // Milestones ("3月底，完成…") fill 完成时限 cells, and notes such as 已建成 fill 计划投资 cells.
            _ => freeText ? 1 : role is ColumnRole.Deadline ? 0 : role is ColumnRole.Investment or ColumnRole.Leader ? -1 : Mismatch,
        };
    }

    private static Kind Classify(string text)
    {
        if (text.Length == 0) return Kind.Blank;
        if (SequenceOrNumber().IsMatch(text)) return Kind.Sequence;
        if (InvestmentParser.ToYuan(text, null) is not null) return Kind.Money;
        if (DateOnlyCell().IsMatch(text)) return Kind.Date;
        if (text.Length <= 80 && !text.Any(char.IsAsciiDigit) && text.IndexOfAny(['。', '，', ',', '；']) < 0)
        {
            var pieces = text.Split(['、', '/', '／', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (pieces.All(UnitListParser.LooksComplete) && pieces.All(p => p.Length <= 20)) return Kind.Units;
            if (text.Length is >= 2 and <= 4 && text.All(TextCleaner.IsIdeograph)) return Kind.Person;
        }
        return Kind.Text;
    }

    [GeneratedRegex(@"^(?:\d{1,3}[.、．]?|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、|\d+(?:\.\d+)?)$")]
    private static partial Regex SequenceOrNumber();

    /// <summary>A cell that is only a date or deadline: 2025年10月, 10月底, 年底前, 2025年6月-12月.</summary>
    [GeneratedRegex(@"^(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|初|末|中旬|上旬|下旬)?(?:前|以前)?|\d{4}年(?:底|内|年底)?(?:前)?|年底前?|年内|全年|上半年|下半年)(?:\s*[-—~至]\s*(?:(?:\d{4}年)?\d{1,2}月(?:底|初|末)?|年底))?$")]
    private static partial Regex DateOnlyCell();
}
