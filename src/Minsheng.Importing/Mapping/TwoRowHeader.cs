namespace Minsheng.Importing.Mapping;

/// <summary>
/// Headers printed on two rows: a spanning cell such as 责任单位 over 牵头单位 / 配合单位, 完成时限 over 开工 / 完工, or
/// 计划投资 over 总投资 / 年度投资, while the other columns (序号, 项目名称) span both rows. The two rows are folded into
/// one header whose sub-columns read "责任单位/牵头单位" (see <see cref="HeaderSynonyms.RoleOfSubHeader"/>).
/// </summary>
internal static class TwoRowHeader
{
    /// <summary>
    /// Folds a header row and the row beneath it when that row is a sub-header, cell for cell as in Word and Excel: a
    /// merged parent leaves its other columns empty, so an empty top cell belongs to the nearest filled cell on its left.
    /// Null when <paramref name="below"/> is not a sub-header row.
    /// </summary>
    public static List<string>? FoldAligned(IReadOnlyList<string> top, IReadOnlyList<string> below)
    {
        var width = Math.Max(top.Count, below.Count);
        string At(IReadOnlyList<string> row, int i) => i < row.Count ? row[i] : "";
        // A filled cell under an empty top cell that follows a filled one: the top cell was merged across, which only a
        // header with sub-columns does. That holds for sub-headers the importer does not know (资金筹措 over 上级资金).
        var fillsSpannedColumn = Enumerable.Range(1, Math.Max(0, width - 1))
            .Any(i => At(top, i).Length == 0 && At(below, i).Length > 0 && top.Take(i).Any(t => t.Length > 0));
        if (!LooksLikeSubHeaderRow(below, requireHeaderWords: !fillsSpannedColumn)) return null;
        for (var i = 0; i < width; i++)
        {
            // Beneath a filled top cell, a sub-header needs a header that spans (its right neighbour is empty above and
            // filled below) or one that has sub-columns by nature (units, dates, money). A section row such as
            // 民生实事项目（省定） under 序号 has neither.
            var upper = At(top, i);
            var lower = At(below, i);
            if (lower.Length == 0 || upper.Length == 0 || lower == upper) continue;
            var spans = At(top, i + 1).Length == 0 && At(below, i + 1).Length > 0;
            if (!spans && !HeaderSynonyms.HasSubColumns(HeaderSynonyms.RoleOf(upper))) return null;
        }
        var folded = new List<string>(width);
        var parent = "";
        for (var i = 0; i < width; i++)
        {
            var upper = At(top, i);
            var lower = At(below, i);
            if (upper.Length > 0) parent = upper;
            if (lower.Length == 0 || lower == upper) folded.Add(upper); // spans both rows, or Excel repeated a merged value
            else folded.Add(parent.Length > 0 ? parent + HeaderSynonyms.SubHeaderSeparator + lower : lower);
        }
        return folded;
    }

    /// <summary>
    /// Folds a header and the sub-header words that follow it in a text export, where the placeholders of the merged
    /// columns may be missing: each spanning header (units, dates, money) takes the consecutive words that fit under it,
    /// at least two (one sub-column would not have needed a spanning header). Null unless every word finds its header.
    /// </summary>
    public static List<string>? FoldSequential(IReadOnlyList<string> top, IReadOnlyList<string> subHeaders)
    {
        if (subHeaders.Count < 2) return null;
        var folded = new List<string>(top.Count + subHeaders.Count);
        var next = 0;
        foreach (var header in top)
        {
            var role = HeaderSynonyms.RoleOf(header);
            var taken = 0;
            while (next + taken < subHeaders.Count && HeaderSynonyms.FitsUnder(role, subHeaders[next + taken])) taken++;
            if (taken >= 2)
            {
                for (var k = 0; k < taken; k++) folded.Add(header + HeaderSynonyms.SubHeaderSeparator + subHeaders[next + k]);
                next += taken;
            }
            else
            {
                folded.Add(header);
            }
        }
        return next == subHeaders.Count ? folded : null;
    }

    /// <summary>
    /// A row of sub-headers: short header words under some columns, the other cells empty (the merged columns above).
    /// A data row has a sequence number, a sentence or a unit name somewhere, so it fails this test.
    /// </summary>
    public static bool LooksLikeSubHeaderRow(IReadOnlyList<string> cells, bool requireHeaderWords = true)
    {
        var filled = cells.Where(c => c.Length > 0).ToList();
        if (filled.Count == 0 || filled.Count == cells.Count || HeaderSynonyms.LooksLikeHeader(cells)) return false;
        if (filled.Any(c => c.Length > 20 || c.Any(char.IsAsciiDigit) && !c.Contains('年') || c.Contains('。'))) return false;
        return !requireHeaderWords || filled.Count(HeaderSynonyms.IsSubHeaderWord) * 2 >= filled.Count;
    }
}
