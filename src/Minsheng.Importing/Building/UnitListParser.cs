using System.Text;

namespace Minsheng.Importing.Building;

/// <summary>
/// Splits a cell that lists units ("区财政局、区妇幼保健院，市第二人民医院") and re-joins a unit name the export broke
/// across lines ("残疾人" / "联合会"). The tenant's unit directory decides first; without it, a line that ends like a
/// unit name (…局, …委, …中心, …公司) is taken as complete.
/// </summary>
internal static class UnitListParser
{
    private static readonly string[] UnitEndings =
    [
        "局", "委", "办", "院", "室", "中心", "公司", "政府", "部", "处", "站", "所", "会", "队", "厅", "街道", "办事处", "镇", "乡",
        "集团", "银行", "团", "联", "社", "馆", "行", "台", "校", "厂", "指挥部", "专班", "单位", "机构", "支队", "大队", "中队",
        "法院", "检察院", "区委", "县委", "市委", "分局", "组", "科", "署", "所",
    ];

    private const string Separators = "、，,；;/／";

    public static List<string> Parse(string? cellText, IUnitDirectory? directory)
    {
        if (string.IsNullOrWhiteSpace(cellText)) return [];
        var lines = TextCleaner.Paragraphs(cellText).Split('\n').Where(l => l.Length > 0).ToList();
        var joined = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) joined.Append(ShouldJoin(joined.ToString(), lines[i], directory) ? "" : "、");
            joined.Append(lines[i]);
        }
        return Split(joined.ToString())
            .Select(u => directory?.Resolve(u) ?? u)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static bool ShouldJoin(string before, string next, IUnitDirectory? directory)
    {
        if (before.Length == 0 || Separators.Contains(before[^1]) || Separators.Contains(next[0])) return true;
        var lastPiece = Split(before).LastOrDefault() ?? "";
        var firstPiece = Split(next).FirstOrDefault() ?? "";
        if (directory is not null)
        {
            if (directory.Resolve(lastPiece + firstPiece) is not null) return true;
            if (directory.Resolve(lastPiece) is not null && directory.Resolve(firstPiece) is not null) return false;
        }
        return !LooksComplete(lastPiece);
    }

    /// <summary>
    /// Words that end like a unit name but are only the first half of one: 县住房和城乡 / 建设局, 县人力资源和社会 / 保障局.
    /// A line ending in them continues on the next line.
    /// </summary>
    private static readonly string[] HalfNameEndings =
    [
        "城乡", "社会", "城镇", "返乡", "下乡", "机会", "全部", "内部", "场所", "平台", "执行", "运行", "互联", "关联",
    ];

    public static bool LooksComplete(string unit)
    {
        var bare = TextCleaner.RemoveBracketed(unit);
        if (HalfNameEndings.Any(e => bare.EndsWith(e, StringComparison.Ordinal))) return false;
        return UnitEndings.Any(e => bare.EndsWith(e, StringComparison.Ordinal));
    }

    /// <summary>Splits on list separators and spaces, never inside brackets: 各乡（镇）人民政府 stays whole.</summary>
    private static IEnumerable<string> Split(string text)
    {
        var current = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '（' or '(') depth++;
            if (c is '）' or ')') depth = Math.Max(0, depth - 1);
            if (depth == 0 && (Separators.Contains(c) || c == ' '))
            {
                if (Clean(current.ToString()) is { Length: > 0 } piece) yield return piece;
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (Clean(current.ToString()) is { Length: > 0 } last) yield return last;
    }

    private static string Clean(string piece) => piece.Trim().TrimEnd('等', '。', '.').Trim();
}
